import { MATURITY_CRITERIA, type MaturityArea, type MaturityLevel } from './maturity-criteria.ts';
import type { WorkspaceInventory } from './workspace-inventory.ts';

/** One criterion as assessed: the JSON the CLI prints holds id, level, met and evidence. */
export interface AssessedCriterion {
  id: string;
  level: 1 | 2 | 3;
  met: boolean;
  evidence: string;
}

/** What is missing for the next level: the criterion, what to do, and where. */
export interface MissingStep {
  id: string;
  level: 1 | 2 | 3;
  title: string;
  why: string;
  todo: string;
  area: MaturityArea;
}

export interface MaturityAssessment {
  level: MaturityLevel;
  criteria: AssessedCriterion[];
  /** The unmet criteria of the next level (empty at level 3). */
  next: MissingStep[];
}

/**
 * The workspace's maturity: the highest level L such that every criterion
 * of levels 1…L is met (0 when a level-1 criterion is missing).
 *
 * @example
 * assessMaturity(await readInventory(store)).next.map((step) => step.todo);
 */
export function assessMaturity(inventory: WorkspaceInventory): MaturityAssessment {
  const criteria = MATURITY_CRITERIA.map((c) => ({ id: c.id, level: c.level, ...c.check(inventory) }));
  let level: MaturityLevel = 0;
  for (const candidate of [1, 2, 3] as const) {
    if (criteria.some((c) => c.level <= candidate && !c.met)) break;
    level = candidate;
  }
  const next = MATURITY_CRITERIA.filter((c, i) => c.level === level + 1 && !criteria[i].met).map(
    ({ id, level: l, title, why, todo, area }) => ({ id, level: l, title, why, todo, area }),
  );
  return { level, criteria, next };
}
