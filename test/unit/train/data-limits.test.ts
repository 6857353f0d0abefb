import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { encodeWithId } from '../../../src/core/data/versions/dataset-id.ts';
import { draftFromCsv, profileDraft } from '../../../src/core/data/draft.ts';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { saveDraftAsVersion } from '../../../src/core/data/versions/save-version.ts';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import type { RunRecord } from '../../../src/core/train/run-record.ts';
import type { ClassificationReport } from '../../../src/core/metrics/index.ts';
import { MAX_CLASSES, MAX_ONE_HOT_CATEGORIES } from '../../../src/core/train/data-limits.ts';
import { executeRun, type ExecuteRunInput } from '../../../src/core/train/execute-run.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';
import { resolveTrainingData } from '../../../src/core/train/training-data.ts';
import { workbenchInProcess } from '../cli/run-workbench.ts';

// Item 8 of the hardening issue: a 10,000-class target, a 20,000-category
// feature, and a run that failed after run.started without recording its end.

/** `rows` rows: x (numeric), a label with `classes` classes, a city with `cities` categories. */
function csvText(rows: number, classes: number, cities: number): string {
  const lines = ['x,city,label'];
  for (let r = 0; r < rows; r++) lines.push(`${(r * 7919) % 1000},c${r % cities},k${r % classes}`);
  return `${lines.join('\n')}\n`;
}
const load = (text: string) => parseCsv(new TextEncoder().encode(text));
const schemaOf = (table: DataTable): ColumnSchema[] =>
  table.columns.map((c) => ({ name: c.name, type: c.type, role: c.name === 'label' ? 'target' : 'feature' }));
const clock = () => performance.now();

function refusal(action: () => unknown): WorkbenchError {
  try {
    action();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('was not refused');
}

describe('the class cap', () => {
  it(`refuses a 10,000-class target before training, suggesting grouping or regression`, () => {
    const { table } = load(csvText(20_000, 10_000, 5));
    const error = refusal(() =>
      resolveTrainingData(table, schemaOf(table), { target: 'label', features: [], task: 'classification' }),
    );
    expect(error.code).toBe('train.too_many_classes');
    expect(error.message).toContain('10,000 classes');
    expect(error.message).toContain(`at most ${MAX_CLASSES}`);
    expect(error.message).toMatch(/Group the rare classes/);
    expect(error.message).toMatch(/regression/);
  });

  it('suggests regression first for a numeric target with too many classes', () => {
    const { table } = load(`n,x\n${Array.from({ length: 500 }, (_, i) => `${i},${i % 3}`).join('\n')}\n`);
    const error = refusal(() =>
      resolveTrainingData(table, schemaOf(table), { target: 'n', features: ['x'], task: 'classification' }),
    );
    expect(error.message).toMatch(/Its values are numbers: predict it as a quantity with the task "regression"/);
  });

  it(`trains a target with exactly ${MAX_CLASSES} classes`, () => {
    const { table } = load(csvText(1000, MAX_CLASSES, 5));
    const data = resolveTrainingData(table, schemaOf(table), { target: 'label', features: [], task: 'auto' });
    expect(data.labels).toHaveLength(MAX_CLASSES);
  });
});

describe('a 20,000-category feature', () => {
  it(`is encoded as its ${MAX_ONE_HOT_CATEGORIES} most frequent categories plus "other", with a warning`, async () => {
    // city decides nothing here but x does: label = x < 500.
    const lines = ['x,city,label'];
    for (let r = 0; r < 40_000; r++) {
      const x = (r * 7919) % 1000;
      lines.push(`${x},c${(r * 31) % 20_000},${x < 500 ? 'low' : 'high'}`);
    }
    const { table } = load(`${lines.join('\n')}\n`);
    const outcome = await runPipeline(table, schemaOf(table), defaultPipelineSpec('wide', 'label', 'logistic'), {
      clock,
    });
    expect(outcome.preprocessor.outputNames).toHaveLength(1 + MAX_ONE_HOT_CATEGORIES + 1);
    expect(outcome.preprocessor.outputNames.at(-1)).toBe('city=(other)');
    expect((outcome.metrics as ClassificationReport).accuracy).toBeGreaterThan(0.95);
    expect(outcome.warnings).toEqual([
      expect.stringMatching(
        /^Column "city" has 19,\d{3} categories in the training rows: the 50 most frequent are one-hot encoded and the other 19,\d{3} \(in [\d,]+ training rows\) share one "\(other\)" column\./,
      ),
    ]);
  });
});

describe('a run that fails after run.started', () => {
  const environment = {
    backend: null,
    backendReason: null,
    tfjsVersion: '4',
    workbenchVersion: 'test',
    platform: 'node',
  };
  let tick = 0;
  const deps = { clock, now: () => Date.UTC(2026, 0, 1) + 1000 * tick++ };

  async function setUp(store: MemoryWorkspaceStore, text: string, spec: (id: string) => PipelineSpec) {
    const bytes = new TextEncoder().encode(text);
    const draft = draftFromCsv(parseCsv(bytes), 'data.csv', bytes.length);
    const { version } = await saveDraftAsVersion(store, draft, {
      name: 'data',
      note: '',
      actor: 'test',
      now: deps.now(),
      encoded: await encodeWithId(draft.table),
      profile: profileDraft(draft),
    });
    const input: ExecuteRunInput = {
      table: draft.table,
      version,
      spec: spec(version.id),
      runId: 'r1',
      runName: 'run',
      actor: 'test',
      environment,
      rerunOf: null,
    };
    return input;
  }

  const endsFailed = async (store: MemoryWorkspaceStore, reason: RegExp) => {
    expect((await store.listAudit()).map((e) => e.type)).toEqual([
      'dataset.version_saved',
      'run.started',
      'run.failed',
    ]);
    const [run] = await store.listRuns();
    expect(run.status).toBe('failed');
    expect(run.reason).toMatch(reason);
  };

  it('records run.failed for a 10,000-class target, refused before training', async () => {
    const store = new MemoryWorkspaceStore();
    const input = await setUp(store, csvText(20_000, 10_000, 5), (id) => defaultPipelineSpec(id, 'label', 'logistic'));
    await expect(executeRun(store, input, deps)).rejects.toThrow(/at most 100/);
    await endsFailed(store, /10,000 classes/);
    expect((await store.listAudit())[2].data).toMatchObject({ code: 'train.too_many_classes' });
  });

  it('records run.failed when the completed run cannot be stored', async () => {
    const store = new MemoryWorkspaceStore();
    const input = await setUp(store, csvText(300, 3, 5), (id) => defaultPipelineSpec(id, 'label', 'logistic'));
    // A store that cannot take the completed record, as when it is too large to serialise.
    const saveRun = store.saveRun.bind(store);
    store.saveRun = async (run: RunRecord, ...rest) => {
      if (run.status === 'completed') throw new RangeError('Invalid string length');
      return saveRun(run, ...rest);
    };
    await expect(executeRun(store, input, deps)).rejects.toThrow('Invalid string length');
    await endsFailed(store, /^Invalid string length$/);
    expect((await store.listAudit())[2].data).toMatchObject({ code: 'internal.unexpected' });
  });

  it('records run.failed when handing out the outcome fails', async () => {
    const store = new MemoryWorkspaceStore();
    const input = await setUp(store, csvText(300, 3, 5), (id) => defaultPipelineSpec(id, 'label', 'logistic'));
    const onOutcome = () => {
      throw new Error('disk full');
    };
    await expect(executeRun(store, input, { ...deps, onOutcome })).rejects.toThrow('disk full');
    await endsFailed(store, /disk full/);
  });
});

describe('workbench train with many classes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workbench-limits-'));
    writeFileSync(join(dir, 'many.csv'), csvText(20_000, 10_000, 5));
    writeFileSync(join(dir, 'sixty.csv'), csvText(1_200, 60, 5));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 10,000-class target in a moment, with one line naming the cap', async () => {
    const run = await workbenchInProcess('train', join(dir, 'many.csv'), '--target', 'label', '--model', 'logistic');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: The target "label" has 10,000 classes; a classifier here learns at most 100\./);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('prints no 60 × 60 matrix, and says where the full one is', async () => {
    const run = await workbenchInProcess('train', join(dir, 'sixty.csv'), '--target', 'label', '--model', 'logistic');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Confusion matrix: 60 × 60, too wide to print (at most 20 classes); --json has it in full.',
    );
    expect(run.stdout).toContain('(the 30 classes with the most held-out rows of 60; --json lists them all)');
    expect(run.stdout).not.toContain('rows: actual, columns: predicted');
    const json = JSON.parse(
      (await workbenchInProcess('train', join(dir, 'sixty.csv'), '--target', 'label', '--model', 'logistic', '--json'))
        .stdout,
    );
    expect(json.confusion.matrix).toHaveLength(60);
    expect(json.perClass).toHaveLength(60);
  }, 120_000);
});
