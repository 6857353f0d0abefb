import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { verifyChain } from '../../../src/core/audit/verify-chain.ts';
import { encodeWithId } from '../../../src/core/data/versions/dataset-id.ts';
import { draftFromCsv, profileDraft } from '../../../src/core/data/draft.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { saveDraftAsVersion } from '../../../src/core/data/versions/save-version.ts';
import { executeRun, type ExecuteRunInput } from '../../../src/core/train/execute-run.ts';
import { decodeArtifact } from '../../../src/core/train/model-artifact-codec.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { openPredictor } from '../../../src/core/train/train-model.ts';
import { transform } from '../../../src/core/train/preprocess.ts';

const environment = {
  backend: null,
  backendReason: null,
  tfjsVersion: '4.22.0',
  workbenchVersion: 'test',
  platform: 'node',
};
let tick = 0;
const deps = { clock: () => performance.now(), now: () => Date.UTC(2026, 0, 1) + 1000 * tick++ };

async function savedIris(store: MemoryWorkspaceStore) {
  const bytes = new Uint8Array(readFileSync('public/samples/iris.csv'));
  const draft = draftFromCsv(parseCsv(bytes), 'iris.csv', bytes.length);
  const { version } = await saveDraftAsVersion(store, draft, {
    name: 'iris',
    note: '',
    actor: 'test',
    now: deps.now(),
    encoded: await encodeWithId(draft.table),
    profile: profileDraft(draft),
  });
  return { version, table: draft.table };
}

describe('executeRun', () => {
  it('stores a completed run with its model blob, between run.started and run.completed audit events', async () => {
    const store = new MemoryWorkspaceStore();
    const { version, table } = await savedIris(store);
    const input: ExecuteRunInput = {
      table,
      version,
      spec: defaultPipelineSpec(version.id, 'species', 'logistic'),
      runId: 'r1',
      runName: 'logistic #1',
      actor: 'test',
      environment,
      rerunOf: null,
    };
    const run = await executeRun(store, input, deps);
    expect(run.status).toBe('completed');
    expect(run.curve.length).toBeGreaterThan(3);
    expect((await store.listAudit()).map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.completed',
    ]);
    expect(verifyChain(await store.listAudit()).ok).toBe(true);

    // The stored artifact predicts what the run evaluated.
    const artifact = decodeArtifact((await store.getBlob(run.outcome!.modelBlob))!);
    const pre = run.outcome!.preprocessor;
    const predictor = await openPredictor(artifact, pre.outputNames.length);
    const rows = Int32Array.from(run.outcome!.predictionSample.map(([r]) => r));
    const proba = await predictor.predict(transform(pre, table, rows).x, rows.length);
    run.outcome!.predictionSample.forEach(([, , predicted], i) => {
      const row = Array.from(proba.subarray(i * 3, i * 3 + 3));
      expect(row.indexOf(Math.max(...row))).toBe(predicted);
    });

    const again = await executeRun(store, { ...input, runId: 'r2', rerunOf: run }, deps);
    expect(again.rerunOf).toEqual({ runId: 'r1', reproduced: true });
  });

  it('stores a failed run with its reason and an audit event, and rethrows', async () => {
    const store = new MemoryWorkspaceStore();
    const { version, table } = await savedIris(store);
    const spec = { ...defaultPipelineSpec(version.id, 'species', 'linear'), task: 'regression' as const };
    await expect(
      executeRun(
        store,
        { table, version, spec, runId: 'bad', runName: 'x', actor: 'test', environment, rerunOf: null },
        deps,
      ),
    ).rejects.toThrow(/numeric target/);
    const [run] = await store.listRuns();
    expect(run).toMatchObject({ id: 'bad', status: 'failed', outcome: null });
    expect(run.reason).toMatch(/Regression needs a numeric target/);
    expect((await store.listAudit()).map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.failed',
    ]);
  });
});
