import type { WorkspaceInventory } from './workspace-inventory.ts';

/** A maturity level: 0 manual, 1 pipeline automation, 2 CI/CD for ML, 3 full MLOps. */
export type MaturityLevel = 0 | 1 | 2 | 3;

/** The area of the workbench where a criterion is met (the app maps it to its view). */
export type MaturityArea = 'data' | 'versions' | 'train' | 'runs' | 'registry' | 'deploy' | 'monitor' | 'audit';

/** One thing a level asks of the workspace, why it matters, and how to tell from what is stored. */
export interface MaturityCriterion {
  id: string;
  level: 1 | 2 | 3;
  /** What must hold, as a short sentence. */
  title: string;
  /** Why the practice matters. */
  why: string;
  /** What to do to meet it. */
  todo: string;
  area: MaturityArea;
  /** Met or not, with the evidence found (what the workspace holds either way). */
  check: (inventory: WorkspaceInventory) => { met: boolean; evidence: string };
}

function count(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The criteria of every level, in one table. Level 0 (manual) asks nothing.
 * Each check compares a count with a threshold, so adding to a workspace can
 * only meet more criteria, never fewer — the level never falls as the
 * workspace grows.
 */
export const MATURITY_CRITERIA: readonly MaturityCriterion[] = [
  {
    id: 'versioned-data',
    level: 1,
    title: 'Data is versioned',
    why: 'A model can only be reproduced or audited if the exact data it learned from can be found again by its hash.',
    todo: 'Load a CSV or a sample and save it as a dataset version.',
    area: 'data',
    check: (i) => ({ met: i.datasetVersions >= 1, evidence: count(i.datasetVersions, 'dataset version') }),
  },
  {
    id: 'repeated-pipeline',
    level: 1,
    title: 'A pipeline spec has run more than once',
    why: 'Running the same declarative spec again, instead of clicking a new experiment, is what makes training a repeatable pipeline.',
    todo: 'Train, then run the same spec again (Runs: re-run, or train twice with the same settings).',
    area: 'train',
    check: ({ mostRepeatedSpec: s }) => ({
      met: s !== null && s.runs >= 2,
      evidence: s === null ? 'no completed run' : `spec ${s.spec} run ${count(s.runs, 'time')}`,
    }),
  },
  {
    id: 'registered-versions',
    level: 1,
    title: 'Models are registered as versions',
    why: 'A registry ties every model to the run, spec and data that made it, so the one in use is never a loose file.',
    todo: 'Register a completed run as a model version.',
    area: 'runs',
    check: (i) => ({ met: i.modelVersions >= 1, evidence: count(i.modelVersions, 'model version') }),
  },
  {
    id: 'promotion-gates',
    level: 2,
    title: 'The registry has promotion gates',
    why: 'Gates are the automated tests of ML delivery: a version that scores below the threshold cannot reach the stage.',
    todo: 'Set a metric threshold in a model’s promotion gates.',
    area: 'registry',
    check: (i) => ({
      met: i.gatedModels >= 1,
      evidence: i.gatedModels >= 1 ? `registry with gates (${count(i.gatedModels, 'model')})` : 'no metric gate set',
    }),
  },
  {
    id: 'promoted-version',
    level: 2,
    title: 'A version was promoted through the stages',
    why: 'Promotion records who moved which version where, and only after its gates passed.',
    todo: 'Promote a version to Staging or Production.',
    area: 'registry',
    check: (i) => ({ met: i.promotions >= 1, evidence: count(i.promotions, 'stage change') }),
  },
  {
    id: 'deployed-version',
    level: 2,
    title: 'A version is deployed with a rollback plan',
    why: 'Continuous delivery ends with a version serving, and a known previous deployment to roll back to.',
    todo: 'Deploy a version to staging or production.',
    area: 'deploy',
    check: (i) => ({ met: i.deployments >= 1, evidence: count(i.deployments, 'deployment') }),
  },
  {
    id: 'drift-alerts',
    level: 3,
    title: 'Monitoring watches drift and raises alerts',
    why: 'Data changes after deployment; without drift alerts a model decays silently.',
    todo: 'Set a monitoring policy with a drift rule for a deployed model.',
    area: 'monitor',
    check: (i) => ({
      met: i.monitoredModels >= 1 && i.driftRules >= 1,
      evidence:
        i.monitoredModels >= 1
          ? `monitoring config + ${count(i.driftRules, 'drift alert rule')}, ${count(i.alerts, 'alert')} raised`
          : 'no monitoring policy',
    }),
  },
  {
    id: 'prediction-log',
    level: 3,
    title: 'Served predictions are logged',
    why: 'The prediction log is what drift, accuracy decay and retraining are computed from.',
    todo: 'Replay traffic through the deployed model.',
    area: 'monitor',
    check: (i) => ({
      met: i.predictionLogBatches >= 1,
      evidence: count(i.predictionLogBatches, 'prediction-log batch', 'prediction-log batches'),
    }),
  },
  {
    id: 'retraining-trigger',
    level: 3,
    title: 'Retraining is triggered automatically',
    why: 'Full MLOps closes the loop: an alert, new data or a schedule retrains, gates and promotes without a person starting it.',
    todo: 'Give a monitoring policy a retraining trigger (on alert, on new data or on a schedule).',
    area: 'monitor',
    check: (i) => ({
      met: i.retrainingPolicies >= 1,
      evidence:
        i.retrainingPolicies >= 1
          ? `retraining policy (${count(i.retrainings, 'retraining')} so far)`
          : 'no retraining trigger',
    }),
  },
  {
    id: 'verified-audit',
    level: 3,
    title: 'The audit trail verifies',
    why: 'Governance needs proof: every change is an event in a hash chain that binds the records it wrote.',
    todo: 'Verify the audit log (records edited outside the workbench break it).',
    area: 'audit',
    check: (i) => ({
      met: i.auditEvents >= 1 && i.auditProblem === null,
      evidence:
        i.auditProblem !== null
          ? `audit chain broken: ${i.auditProblem}`
          : `audit chain verified (${count(i.auditEvents, 'event')})`,
    }),
  },
];
