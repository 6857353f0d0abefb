import { decodeTable } from '../../data/versions/canonical-encoding.ts';
import { isNumericColumn, type Column, type DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { checkGates } from '../../registry/promotion-gates.ts';
import {
  productionVersion,
  requireModel,
  requireVersion,
  type RegistrySnapshot,
} from '../../registry/registry-snapshot.ts';
import type { ModelVersion } from '../../registry/registry-types.ts';
import { describeSignatureDiff, signatureDiff } from '../../registry/signature.ts';
import { conformTable } from '../predict/conform-table.ts';
import { scoreTable } from '../predict/score-table.ts';
import { loadServingModel, type ServingModel } from '../predict/serving-model.ts';
import { ENVIRONMENT_STAGE, type DeploymentCheck, type Environment } from './deployment-types.ts';
import { activeDeployment } from './plan-deploy.ts';
import type { Deployment } from './deployment-types.ts';

/** Rows the smoke test scores. */
export const SMOKE_ROWS = 20;

/**
 * The checks a version must pass before it serves an environment, in order:
 * - `artifact`: its model loads from the workspace;
 * - `signature`: the data it will receive (when given) has its input columns
 *   in readable types; without data, its signature matches the version it
 *   replaces there (skipped for a first deployment);
 * - `gates`: the promotion gates of the environment's stage (Staging,
 *   Production) pass — already passed if the version reached that stage
 *   (or a later one, for staging) through the registry, else checked now;
 * - `smoke`: it scores the first 20 rows of the data (or of its own dataset
 *   version) without error, every output finite.
 */
export async function validateDeploy(
  store: WorkspaceStore,
  snapshot: RegistrySnapshot,
  deployments: Deployment[],
  input: { version: ModelVersion; env: Environment; data: DataTable | null; tf?: TfRuntime | null },
): Promise<DeploymentCheck[]> {
  const { version, env, data } = input;
  const checks: DeploymentCheck[] = [];
  let model: ServingModel | null = null;
  try {
    model = await loadServingModel(store, version, input.tf ?? null);
    checks.push({ check: 'artifact', outcome: 'passed', message: `The model artifact (${version.modelKind}) loads.` });
  } catch (error) {
    checks.push({ check: 'artifact', outcome: 'failed', message: messageOf(error) });
  }
  try {
    checks.push(signatureCheck(snapshot, deployments, version, env, data));
    checks.push(await gatesCheck(store, snapshot, version, env));
    checks.push(await smokeCheck(store, model, data));
  } finally {
    model?.predictor.dispose();
  }
  return checks;
}

function signatureCheck(
  snapshot: RegistrySnapshot,
  deployments: Deployment[],
  version: ModelVersion,
  env: Environment,
  data: DataTable | null,
): DeploymentCheck {
  if (data) {
    try {
      conformTable(data, version.signature);
      return {
        check: 'signature',
        outcome: 'passed',
        message: `The data has the ${version.signature.inputs.length} input columns the version reads.`,
      };
    } catch (error) {
      return { check: 'signature', outcome: 'failed', message: messageOf(error) };
    }
  }
  const current = activeDeployment(deployments, version.modelName, env);
  if (!current) {
    return {
      check: 'signature',
      outcome: 'skipped',
      message: `No data was given and nothing serves ${env} yet, so there is no signature to match.`,
    };
  }
  const serving = requireVersion(snapshot, current.modelName, current.version);
  const diff = signatureDiff(serving.signature, version.signature);
  return diff.matches
    ? {
        check: 'signature',
        outcome: 'passed',
        message: `Its input signature matches version ${serving.version}, which serves ${env} now.`,
      }
    : {
        check: 'signature',
        outcome: 'failed',
        message: `Its input signature differs from version ${serving.version}, which serves ${env} now: ${describeSignatureDiff(diff).join('; ')}. Callers send the old columns; give the data it will receive to check it, or deploy a version with the same inputs.`,
      };
}

async function gatesCheck(
  store: WorkspaceStore,
  snapshot: RegistrySnapshot,
  version: ModelVersion,
  env: Environment,
): Promise<DeploymentCheck> {
  const stage = ENVIRONMENT_STAGE[env];
  if (version.stage === stage || (env === 'staging' && version.stage === 'Production')) {
    return {
      check: 'gates',
      outcome: 'passed',
      message: `Version ${version.version} is in ${version.stage}: it passed the gates on the way there.`,
    };
  }
  const model = requireModel(snapshot, version.modelName);
  if (!model.gates.stages.includes(stage)) {
    return {
      check: 'gates',
      outcome: 'passed',
      message: `${stage} has no promotion gates for "${version.modelName}".`,
    };
  }
  const production = productionVersion(snapshot, version.modelName);
  const failed = checkGates({
    gates: model.gates,
    candidate: version,
    datasetVersion: await store.getDatasetVersion(version.datasetVersionId),
    production: production?.id === version.id ? undefined : production,
    approval: null,
    acknowledgeSignatureChange: false,
  });
  return failed.length === 0
    ? { check: 'gates', outcome: 'passed', message: `It passes the ${stage} promotion gates.` }
    : {
        check: 'gates',
        outcome: 'failed',
        message: `It fails the ${stage} promotion gates — ${failed.map((g) => `${g.gate}: ${g.message}`).join(' ')} Or promote it to ${stage} through the registry first.`,
      };
}

async function smokeCheck(
  store: WorkspaceStore,
  model: ServingModel | null,
  data: DataTable | null,
): Promise<DeploymentCheck> {
  if (!model) return { check: 'smoke', outcome: 'skipped', message: 'The model did not load, so nothing was scored.' };
  let sample = data;
  if (!sample) {
    const bytes = await store.getBlob(model.version.datasetVersionId);
    sample = bytes ? decodeTable(bytes) : null;
  }
  if (!sample || sample.rowCount === 0) {
    return {
      check: 'smoke',
      outcome: 'failed',
      message: `There are no rows to test it on: its dataset version is not in this workspace. Give sample data to deploy with.`,
    };
  }
  try {
    const scored = await scoreTable(model, headRows(sample, SMOKE_ROWS));
    const outputs = scored.proba ?? scored.predicted;
    const bad = outputs.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      return {
        check: 'smoke',
        outcome: 'failed',
        message: `Scoring sample rows gave a value that is not a number (row ${Math.floor(bad / Math.max(1, scored.labels.length))}). Retrain the model; it is numerically broken.`,
      };
    }
    return { check: 'smoke', outcome: 'passed', message: `It scored ${scored.rows.length} sample rows.` };
  } catch (error) {
    return { check: 'smoke', outcome: 'failed', message: `Scoring sample rows failed: ${messageOf(error)}` };
  }
}

/** The first `n` rows of a table. */
export function headRows(table: DataTable, n: number): DataTable {
  const rows = Math.min(n, table.rowCount);
  const columns = table.columns.map((c): Column =>
    isNumericColumn(c) ? { ...c, values: c.values.slice(0, rows) } : { ...c, codes: c.codes.slice(0, rows) },
  );
  return { rowCount: rows, columns };
}

function messageOf(error: unknown): string {
  if (error instanceof WorkbenchError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
