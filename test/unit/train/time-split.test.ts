import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../../src/core/data/profile/roles.ts';
import type { ColumnSchema, DataTable } from '../../../src/core/data/types.ts';
import { defaultPipelineSpec, type PipelineSpec } from '../../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../../src/core/train/run-pipeline.ts';
import { timeOrderedSplit } from '../../../src/core/train/time-split.ts';
import { validatePipelineSpec } from '../../../src/core/train/validate-spec.ts';
import { buildTrainSpec, parseTrainOptions } from '../../../src/cli/train-options.ts';

/** 50 days in a scrambled row order: row r holds day (r × 17) mod 50, so file order is not time order. */
function weather(): { table: DataTable; schema: ColumnSchema[] } {
  const lines = ['date,temp,rain'];
  for (let r = 0; r < 50; r++) {
    const day = (r * 17) % 50;
    const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    lines.push(`${date},${(day % 7) + day / 10},${day % 3 === 0 ? 'yes' : 'no'}`);
  }
  const { table } = parseCsv(new TextEncoder().encode(lines.join('\n')));
  const roles = guessRoles(table);
  return { table, schema: table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] })) };
}
const dayOf = (table: DataTable, r: number) => {
  const col = table.columns.find((c) => c.name === 'date');
  if (!col || !('values' in col)) throw new Error('no date column');
  return (col.values[r] - Date.UTC(2024, 0, 1)) / 86_400_000;
};

describe('time-ordered split', () => {
  const { table, schema } = weather();
  const all = new Int32Array(50);

  it('detects the date column as a time', () => {
    expect(schema.find((c) => c.name === 'date')?.type).toBe('datetime');
  });

  it('tests on the latest rows and trains on the earlier ones', () => {
    const split = timeOrderedSplit(table, 'date', 0.2, all);
    expect(split.test.length).toBe(10);
    expect(split.train.length).toBe(40);
    const testDays = Array.from(split.test, (r) => dayOf(table, r)).sort((a, b) => a - b);
    expect(testDays).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    const latestTrain = Math.max(...Array.from(split.train, (r) => dayOf(table, r)));
    expect(latestTrain).toBe(39);
    // Sorted by row, and the same every time.
    expect(Array.from(split.test)).toEqual([...split.test].sort((a, b) => a - b));
    expect(timeOrderedSplit(table, 'date', 0.2, all)).toEqual(split);
  });

  it('leaves out rows without a target', () => {
    const strata = new Int32Array(50);
    strata[0] = -1;
    const split = timeOrderedSplit(table, 'date', 0.2, strata);
    expect(split.train.length + split.test.length).toBe(49);
    expect([...split.train, ...split.test]).not.toContain(0);
  });

  it('refuses a column that is not a time, naming the one that is', () => {
    expect(() => timeOrderedSplit(table, 'temp', 0.2, all)).toThrow(/Choose "date"/);
  });

  it('is a valid spec field and runs end to end, holding out the latest rows', async () => {
    const spec: PipelineSpec = {
      ...defaultPipelineSpec('weather', 'rain', 'logistic'),
      features: ['temp'],
      split: { kind: 'time', column: 'date', testFraction: 0.2 },
    };
    expect(validatePipelineSpec(JSON.parse(JSON.stringify(spec))).split).toEqual(spec.split);
    const outcome = await runPipeline(table, schema, spec, { clock: () => 0 });
    expect(outcome.split).toEqual({ train: 40, test: 10 });
    expect(Math.min(...Array.from(outcome.predictions.rows, (r) => dayOf(table, r)))).toBe(40);
  });

  it('rejects a time split without a column or with a bad fraction', () => {
    const spec = { ...defaultPipelineSpec('weather', 'rain'), split: { kind: 'time', column: '', testFraction: 2 } };
    expect(() => validatePipelineSpec(spec)).toThrow(/split.column must name.*split.testFraction must be between/);
  });

  it('is offered by the CLI as --split time, ordering by the detected time column', () => {
    const options = parseTrainOptions(['w.csv', '--target', 'rain', '--split', 'time', '--test-size', '0.25']);
    expect(options.timeSplit).toEqual({ column: null });
    expect(options.splitFile).toBeNull();
    const spec = buildTrainSpec(table, schema, 'v1', options, null);
    expect(spec.split).toEqual({ kind: 'time', column: 'date', testFraction: 0.25 });
  });

  it('says when --split time has no time column to order by', () => {
    const options = parseTrainOptions(['w.csv', '--target', 'rain', '--split', 'time']);
    const noTime = schema.map((c) => (c.name === 'date' ? { ...c, type: 'category' as const } : c));
    expect(() => buildTrainSpec(table, noTime, 'v1', options, null)).toThrow(/needs a date or time column/);
  });
});
