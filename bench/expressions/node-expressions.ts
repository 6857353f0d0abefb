/**
 * Expression evaluation: our column-wise evaluator against Arquero's derive
 * on the same typed table (issue 11: "run on Arquero tables unless a measured
 * benchmark shows a hand-written step beats it"). Prints a table to stderr and
 * the raw numbers as JSON on the last stdout line.
 *
 *   npx tsx bench/expressions/node-expressions.ts [--rows 1000000] [--runs 3]
 */
import * as aq from 'arquero';
import type { Column, DataTable } from '../../src/core/data/types.ts';
import { compileOrThrow, evaluateExpression } from '../../src/core/features/expression/index.ts';
import { encodeStrings } from '../../src/core/data/string-column.ts';
import { seededRng } from '../../src/core/random/rng.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('--rows', 1_000_000);
const RUNS = option('--runs', 3);

function makeTable(rows: number): DataTable {
  const rng = seededRng(20240115);
  const cities = ['Paris', 'paris', 'Rome', 'Berlin', 'Madrid', 'Oslo', 'Lisbon', 'Vienna'];
  const amount = new Float64Array(rows);
  const qty = new Float64Array(rows);
  const vip = new Float64Array(rows);
  const ts = new Float64Array(rows);
  const customers = 10_000;
  const customer = new Int32Array(rows);
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let r = 0; r < rows; r++) {
    amount[r] = rng() < 0.03 ? NaN : Math.round(rng() * 10_000) / 100;
    qty[r] = Math.floor(rng() * 6);
    vip[r] = rng() < 0.2 ? 1 : 0;
    ts[r] = start + Math.floor(rng() * 365 * 24) * 3_600_000;
    customer[r] = Math.floor(rng() * customers);
  }
  const city = encodeStrings(rows, () => (rng() < 0.03 ? null : cities[Math.floor(rng() * cities.length)]));
  const ids = Array.from({ length: customers }, (_, i) => `c${i}`);
  const customerCol = encodeStrings(rows, (r) => ids[customer[r]]);
  return {
    rowCount: rows,
    columns: [
      { name: 'amount', type: 'number', values: amount },
      { name: 'qty', type: 'integer', values: qty },
      { name: 'vip', type: 'boolean', values: vip },
      { name: 'ts', type: 'datetime', values: ts },
      { name: 'city', type: 'category', ...city },
      { name: 'customer', type: 'identifier', ...customerCol },
    ],
  };
}

/** Arquero columns from ours: numeric arrays are shared; text is decoded to strings (Arquero has no dictionary input). */
function toArquero(table: DataTable) {
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const c of table.columns) {
    data[c.name] = 'values' in c ? c.values : Array.from(c.codes, (code) => (code < 0 ? null : c.dictionary[code]));
  }
  return aq.table(data);
}

/** Median CPU milliseconds of `f` (user + system): the machine is shared, so wall time would measure the neighbours. */
function time(f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.cpuUsage();
    f();
    const used = process.cpuUsage(t);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

interface Case {
  label: string;
  ours: string;
  /** Arquero's own expression for the same computation, or null when it has none. */
  arquero: string | null;
  windowed?: boolean;
  note?: string;
}

const CASES: Case[] = [
  { label: 'arithmetic + math', ours: 'log(amount + 1) * 2 - qty', arquero: 'd => op.log(d.amount + 1) * 2 - d.qty' },
  {
    label: 'comparison + logic',
    ours: 'amount > 50 and qty < 3 or not vip',
    arquero: 'd => (d.amount > 50 && d.qty < 3) || !d.vip',
  },
  { label: 'text: lower + equals', ours: 'lower(city) == "paris"', arquero: "d => op.lower(d.city) === 'paris'" },
  { label: 'date part', ours: 'month(ts)', arquero: 'd => op.utcmonth(d.ts) + 1' },
  {
    label: 'conditional to text',
    ours: 'if(amount > 50, "high", "low")',
    arquero: "d => d.amount > 50 ? 'high' : 'low'",
  },
  { label: 'bucket', ours: 'bucket(amount, [10, 25, 50, 75])', arquero: 'd => op.bin(d.amount, 0, 100, 25)' },
  {
    label: 'mean(amount, 7d) per customer',
    ours: 'mean(amount, 7d)',
    arquero: null,
    windowed: true,
    note: 'Arquero frames are row offsets: no trailing time range',
  },
];

const table = makeTable(ROWS);
const schema = table.columns.map((c) => ({ name: c.name, type: c.type }));
const context = { entityKey: ['customer'], timestamp: 'ts' };
const toAqMs = time(() => toArquero(table));
const aqTable = toArquero(table);
const results = CASES.map((c) => {
  const compiled = compileOrThrow(c.ours, schema, { context });
  const oursMs = time(() => evaluateExpression(compiled, table, context));
  // Arquero's derive, then reading the result column back out as an array (what a caller needs).
  const arqueroMs = c.arquero === null ? null : time(() => aqTable.derive({ out: c.arquero as string }).array('out'));
  return { ...c, oursMs, arqueroMs };
});
// For scale only: Arquero's rolling mean over the previous 7 *rows* per customer (not the same result).
const rollingRowsMs = time(() =>
  aqTable
    .groupby('customer')
    .orderby('ts')
    .derive({ out: aq.rolling((d: { amount: number }) => aq.op.mean(d.amount), [-7, 0]) })
    .array('out'),
);

const ms = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} ms`);
const lines = [
  `Expressions over ${ROWS.toLocaleString('en')} rows (CPU time, median of ${RUNS}; building the Arquero table: ${ms(toAqMs)})`,
  '| operation | ours | Arquero derive | Arquero / ours |',
  '|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.label} | ${ms(r.oursMs)} | ${ms(r.arqueroMs)} | ${r.arqueroMs === null ? (r.note ?? '—') : `${(r.arqueroMs / r.oursMs).toFixed(1)}×`} |`,
  ),
  `| (Arquero rolling mean over 7 rows per customer, not a time window) | — | ${ms(rollingRowsMs)} | — |`,
];
console.error(lines.join('\n'));
console.log(JSON.stringify({ rows: ROWS, runs: RUNS, toArqueroMs: toAqMs, rollingRowsMs, cases: results }));
export type { Column };
