/** Maturity assessment: levels 0–3 of a workspace from what it holds. */
export {
  MATURITY_CRITERIA,
  type MaturityArea,
  type MaturityCriterion,
  type MaturityLevel,
} from './maturity-criteria.ts';
export {
  assessMaturity,
  type AssessedCriterion,
  type MaturityAssessment,
  type MissingStep,
} from './assess-maturity.ts';
export { readInventory, type SpecRuns, type WorkspaceInventory } from './workspace-inventory.ts';
