import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import { seededRng } from '../../../src/core/random/rng.ts';
import { IMPORTANCE_MAX_ROWS } from '../../../src/core/train/permutation-importance.ts';
import { defaultPipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline, type RunProgress } from '../../../src/core/train/run-pipeline.ts';

/** `rows` rows of 3 numeric features; the class is decided by a and b, c is noise. */
function table(rows: number): { table: DataTable; schema: ColumnSchema[] } {
  const rng = seededRng(5);
  const lines = ['a,b,c,y'];
  for (let r = 0; r < rows; r++) {
    const [a, b, c] = [rng(), rng(), rng()];
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${c.toFixed(4)},${a + 0.5 * b > 0.75 ? 'hi' : 'lo'}`);
  }
  const { table: t } = parseCsv(new TextEncoder().encode(lines.join('\n')));
  const roles = guessRoles(t);
  return { table: t, schema: t.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] })) };
}

async function run(rows: number, kind: 'forest' | 'logistic' | 'mlp', model: object = {}) {
  const { table: t, schema } = table(rows);
  const spec = defaultPipelineSpec('v', 'y', kind);
  Object.assign(spec.model, model);
  const events: RunProgress[] = [];
  const outcome = await runPipeline(t, schema, spec, {
    clock: () => 0,
    tf: { tf, backend: 'cpu' },
    onProgress: (p) => events.push(p),
  });
  return { outcome, events };
}

describe('evaluation progress and sampled importance', () => {
  it('reports held-out rows scored and permutations done during evaluation', { timeout: 120_000 }, async () => {
    const { outcome, events } = await run(7500, 'forest', { trees: 10 });
    const evaluating = events.findIndex((e) => e.kind === 'phase' && e.phase === 'evaluating');
    const after = events.slice(evaluating + 1);
    const scoring = after.filter((e) => e.kind === 'steps' && e.phase === 'scoring');
    const importance = after.filter((e) => e.kind === 'steps' && e.phase === 'importance');
    // 1,500 held-out rows in one chunk; 3 features × 5 repeats.
    expect(scoring.map((e) => (e.kind === 'steps' ? [e.done, e.total] : null))).toEqual([[1500, 1500]]);
    expect(importance.map((e) => (e.kind === 'steps' ? e.done : 0))).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(importance.every((e) => e.kind === 'steps' && e.total === 15)).toBe(true);
    // Importance re-scores a stated sample, with an interval per feature.
    expect(outcome.importanceSample).toEqual({ rows: IMPORTANCE_MAX_ROWS, of: 1500, repeats: 5 });
    for (const f of outcome.importance) {
      expect(f.low).toBeLessThanOrEqual(f.mean);
      expect(f.high).toBeGreaterThanOrEqual(f.mean);
    }
    // Still finds what matters: a and b above the noise column c.
    expect(
      outcome.importance
        .map((f) => f.feature)
        .slice(0, 2)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(outcome.importance.find((f) => f.feature === 'c')!.mean).toBeLessThan(0.01);
  });

  it('re-scores every held-out row of a small test set', async () => {
    const { outcome } = await run(400, 'logistic');
    expect(outcome.importanceSample).toEqual({ rows: 80, of: 80, repeats: 5 });
  });

  it('scores large test sets in chunks, each reported', { timeout: 120_000 }, async () => {
    const { events } = await run(12_000, 'logistic');
    const scoring = events.flatMap((e) => (e.kind === 'steps' && e.phase === 'scoring' ? [e.done] : []));
    expect(scoring).toEqual([2000, 2400]);
  });

  it('reports each MLP epoch with the most epochs the run can take', { timeout: 120_000 }, async () => {
    const { events } = await run(300, 'mlp', { epochs: 7, earlyStopping: null, hiddenLayers: [8] });
    const epochs = events.flatMap((e) => (e.kind === 'epoch' ? [[e.report.epoch, e.total]] : []));
    expect(epochs).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]));
  });
});
