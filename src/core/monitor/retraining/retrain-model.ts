/**
 * One retraining, end to end: the champion's pipeline spec runs on the
 * newest data, the challenger is registered, compared with the champion
 * through the promotion gates, then promoted and deployed — directly or
 * through a rollout strategy replayed over traffic — or left waiting for a
 * person's approval, as the model's policy says. Every step is an audit
 * event (the run's, the registry's, the deployment's, and the retraining's
 * own start and end). A failure at any step leaves the champion serving and
 * says so in the audit log (`retraining.failed`).
 */
import { retrainingFailed, retrainingFinished, retrainingStarted } from '../../audit/events/monitor-events.ts';
import { decodeTable } from '../../data/versions/canonical-encoding.ts';
import type { DatasetVersion } from '../../data/versions/dataset-version.ts';
import type { DataTable } from '../../data/types.ts';
import { WorkbenchError } from '../../errors.ts';
import type { TfRuntime } from '../../models/tf-runtime.ts';
import type { WorkspaceStore } from '../../ports.ts';
import { executeRun } from '../../train/execute-run.ts';
import type { RunEnvironment } from '../../train/run-record.ts';
import { servingVersion } from '../champion.ts';
import { readMonitorPolicy } from '../monitor-policy.ts';
import type { MonitorPolicy, RetrainingRecord, RetrainingStep } from '../monitor-types.ts';
import { servedRequests } from './retraining-triggers.ts';
import { promoteChallenger } from './promote-challenger.ts';
import { retrainingSpec } from './retraining-spec.ts';

export interface RetrainInput {
  modelName: string;
  /** What started it, in words (`manual`, `alert …`, `new data …`, `schedule …`). */
  trigger: string;
  /** The dataset version to train on; null for the newest in the workspace. */
  datasetVersionId: string | null;
  /** Traffic to replay when the policy rolls out with a strategy (its target is the model's). */
  traffic: DataTable | null;
  runId: string;
  runName: string;
  actor: string;
}

export interface RetrainDeps {
  clock: () => number;
  /** Epoch milliseconds. */
  now: () => number;
  tf?: TfRuntime | null;
  environment: RunEnvironment;
}

/** Runs the model's retraining policy once (see the file comment); resolves to the stored record. */
export async function retrainModel(
  store: WorkspaceStore,
  input: RetrainInput,
  deps: RetrainDeps,
): Promise<RetrainingRecord> {
  const policy = await readMonitorPolicy(store, input.modelName);
  const at = () => new Date(deps.now()).toISOString();
  const head = () => ({ at: at(), actor: input.actor });
  const seq = 1 + (await store.listRecords('retrainings')).filter((r) => r.modelName === input.modelName).length;
  const id = `${input.modelName}#${seq}`;
  const startedAt = at();
  const champion = (await servingVersion(store, input.modelName, policy.retraining.env))?.version ?? null;
  const steps: RetrainingStep[] = [{ step: 'trigger', ok: true, message: input.trigger }];
  const record: RetrainingRecord = {
    id,
    modelName: input.modelName,
    seq,
    trigger: input.trigger,
    startedAt,
    actor: input.actor,
    champion: champion?.id ?? null,
    logRequests: await servedRequests(store, input.modelName),
    datasetVersionId: null,
    challenger: null,
    runId: null,
    outcome: 'failed',
    steps,
  };
  try {
    if (!champion) {
      throw new WorkbenchError(
        'retrain.no_champion',
        `"${input.modelName}" serves no version in ${policy.retraining.env} and has none in Production, so there is no champion whose pipeline to re-run. Promote a version first.`,
      );
    }
    const data = await pickData(store, input.datasetVersionId);
    record.datasetVersionId = data.id;
    steps.push({
      step: 'data',
      ok: true,
      message: `dataset version "${data.name}" (${data.id.slice(0, 12)}, ${data.rowCount} rows)`,
    });
    await store.appendAudit(
      retrainingStarted(head(), id, {
        modelName: input.modelName,
        trigger: input.trigger,
        champion: champion.id,
        datasetVersionId: data.id,
      }),
    );
    const run = await store.getRun(champion.runId);
    if (!run) {
      throw new WorkbenchError(
        'retrain.no_run',
        `The run that trained ${champion.id} is not in this workspace (an imported version), so its pipeline spec is unknown. Train and promote a version here, then retrain.`,
      );
    }
    const spec = retrainingSpec(run, data);
    const table = await loadTable(store, data);
    const trained = await executeRun(
      store,
      {
        table,
        version: data,
        spec,
        runId: input.runId,
        runName: input.runName,
        actor: input.actor,
        environment: deps.environment,
        rerunOf: null,
      },
      { clock: deps.clock, now: deps.now, tf: deps.tf },
    );
    record.runId = trained.id;
    steps.push({
      step: 'trained',
      ok: true,
      message: `run ${trained.name}: ${headline(trained.outcome?.metrics as Record<string, unknown> | undefined)}`,
    });
    const result = await promoteChallenger(
      store,
      { ...input, champion, run: trained, policy, at, traffic: input.traffic },
      deps.tf ?? null,
    );
    record.challenger = result.challenger;
    record.outcome = result.outcome;
    steps.push(...result.steps);
    await store.commit(
      { puts: [{ kind: 'retrainings', value: record }], expect: [{ kind: 'retrainings', key: id, equals: undefined }] },
      retrainingFinished(head(), id, {
        modelName: input.modelName,
        outcome: record.outcome,
        champion: record.champion,
        challenger: record.challenger,
        runId: record.runId,
        steps: steps.map((s) => `${s.step}: ${s.message}`),
      }),
    );
    return record;
  } catch (error) {
    return fail(store, record, error, head(), policy);
  }
}

async function fail(
  store: WorkspaceStore,
  record: RetrainingRecord,
  error: unknown,
  head: { at: string; actor: string },
  policy: MonitorPolicy,
): Promise<RetrainingRecord> {
  const reason = error instanceof Error ? error.message : String(error);
  const code = error instanceof WorkbenchError ? error.code : 'internal.unexpected';
  const note = record.champion
    ? `${record.champion} keeps serving ${policy.retraining.env}; nothing was promoted or deployed.`
    : 'Nothing was promoted or deployed.';
  record.steps.push({ step: 'failed', ok: false, message: `${reason} ${note}` });
  record.outcome = 'failed';
  await store.commit(
    {
      puts: [{ kind: 'retrainings', value: record }],
      expect: [{ kind: 'retrainings', key: record.id, equals: undefined }],
    },
    retrainingFailed(head, record.id, {
      modelName: record.modelName,
      trigger: record.trigger,
      champion: record.champion,
      reason,
      code,
      note,
    }),
  );
  return record;
}

/** The named dataset version, or the newest saved one. */
async function pickData(store: WorkspaceStore, id: string | null): Promise<DatasetVersion> {
  if (id !== null) {
    const found = await store.getDatasetVersion(id);
    if (!found)
      throw new WorkbenchError(
        'registry.dataset_not_found',
        `Dataset version ${id.slice(0, 12)} is not in this workspace. Save it first.`,
      );
    return found;
  }
  const all = await store.listDatasetVersions();
  const newest = [...all].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
  if (!newest)
    throw new WorkbenchError(
      'registry.dataset_not_found',
      'The workspace has no dataset version to retrain on. Save the newer data first.',
    );
  return newest;
}

async function loadTable(store: WorkspaceStore, version: DatasetVersion): Promise<DataTable> {
  const bytes = await store.getBlob(version.id);
  if (!bytes)
    throw new WorkbenchError(
      'registry.dataset_not_found',
      `The bytes of dataset version "${version.name}" are missing. Save the data again.`,
    );
  return decodeTable(bytes);
}

function headline(metrics: Record<string, unknown> | undefined): string {
  const accuracy = metrics?.accuracy;
  return typeof accuracy === 'number' ? `held-out accuracy ${accuracy.toFixed(4)}` : 'completed';
}
