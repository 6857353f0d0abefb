import { sha256HexSync } from '../../hash/sha256.ts';
import type { Stage } from '../../registry/registry-types.ts';
import type { RunStatus } from '../../train/run-record.ts';

/**
 * How workbench concepts map onto MLflow's. Kept in one place so the export
 * and its documentation agree.
 */

/** Workbench stage → MLflow `current_stage`: Development has no MLflow stage, so it is `None`. */
export const MLFLOW_STAGE: Record<Stage, 'None' | 'Staging' | 'Production' | 'Archived'> = {
  Development: 'None',
  Staging: 'Staging',
  Production: 'Production',
  Archived: 'Archived',
};

/** Workbench run status → MLflow RunStatus number (FINISHED 3, FAILED 4, KILLED 5). */
export const MLFLOW_RUN_STATUS: Record<RunStatus, number> = { completed: 3, failed: 4, cancelled: 5 };

/** MLflow's SourceType.LOCAL: the run was made on this machine, not by a notebook, job or project. */
export const MLFLOW_SOURCE_LOCAL = 4;

/**
 * MLflow run ids are 32 lower-case hex digits (a UUID without dashes): the
 * workbench run id is hashed into one, so the same run always gets the same
 * MLflow id (the original is kept in the `workbench.run_id` tag).
 *
 * @example
 * mlflowRunId('run-7') // 32 hex digits, the same on every export
 */
export function mlflowRunId(workbenchRunId: string): string {
  return sha256HexSync(`workbench-run:${workbenchRunId}`).slice(0, 32);
}

/**
 * An alias as MLflow accepts it (letters, digits, `_` and `-`; not `latest`,
 * not `v<number>`, which MLflow reserves): other characters become `_`, and a
 * reserved name gets the prefix `wb-`.
 *
 * @example
 * mlflowAlias('champion') // 'champion'
 * mlflowAlias('latest') // 'wb-latest'
 */
export function mlflowAlias(alias: string): string {
  const clean = alias.replace(/[^\w-]/g, '_');
  return /^(latest|v\d+)$/i.test(clean) ? `wb-${clean}` : clean;
}

/** A metric or param key as MLflow's file store accepts it (letters, digits, `_ - . / space`). */
export function mlflowKey(key: string): string {
  return key.replace(/[^\w\-. /]/g, '_').replace(/^\/+/, '_');
}

/** A number as MLflow's file store writes it (Python's float text: `nan`, `inf`, `-inf`). */
export function mlflowNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
