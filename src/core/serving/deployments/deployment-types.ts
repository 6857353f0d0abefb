import type { Stage } from '../../registry/registry-types.ts';

/** Where a model version can be deployed. */
export const ENVIRONMENTS = ['staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The registry stage whose promotion gates guard each environment. */
export const ENVIRONMENT_STAGE: Record<Environment, Stage> = { staging: 'Staging', production: 'Production' };

/** One check a deploy ran before going live. */
export interface DeploymentCheck {
  /** `artifact`, `signature`, `gates` or `smoke`. */
  check: 'artifact' | 'signature' | 'gates' | 'smoke';
  outcome: 'passed' | 'failed' | 'skipped';
  message: string;
}

/**
 * A version serving one environment of a model. At most one deployment per
 * model and environment is active; the one it replaced is its rollback plan.
 * A rollback re-activates exactly that record and marks this one rolled back.
 */
export interface Deployment {
  /** `${modelName}/${env}#${seq}`, seq counting 1, 2, 3… per model and environment. */
  id: string;
  modelName: string;
  version: number;
  env: Environment;
  seq: number;
  deployedAt: string;
  deployedBy: string;
  active: boolean;
  /** `active`; `replaced` by a later deploy; `rolled-back` (never active again). */
  status: 'active' | 'replaced' | 'rolled-back';
  /** The rollback plan: the deployment this one replaced (null for the first in its environment). */
  replaces: string | null;
  /** How it went live: by hand, or promoted by a rollout strategy. */
  via: 'deploy' | 'bluegreen' | 'canary' | 'shadow' | 'ab';
  /** The validation it passed. */
  checks: DeploymentCheck[];
  /** Set when it was rolled back: when, by whom, and which deployment took over again. */
  rolledBack: { at: string; by: string; restored: string | null } | null;
}
