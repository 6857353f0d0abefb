import { isNumericColumn, type Column } from '../data/types.ts';
import type { ColumnDriftSummary, DriftFunction } from './drift-port.ts';

/**
 * An interim drift function, until the drift module (core/monitor/drift,
 * `computeDriftReport`, checked against SciPy) is wired in its place:
 * numeric columns by the two-sample KS statistic against its 5% asymptotic
 * critical value (1.358·√((n+m)/nm)), categorical ones by total variation
 * distance ≥ 0.2. No p-values, PSI or Jensen–Shannon (reported as 0).
 */
export const interimDrift: DriftFunction = (reference, current) => {
  const columns = reference.columns
    .map((ref) => [ref, current.columns.find((c) => c.name === ref.name)] as const)
    .filter((pair): pair is readonly [Column, Column] => pair[1] !== undefined)
    .map(([ref, cur]) => columnDrift(ref, cur, reference.rowCount, current.rowCount));
  const driftShare = columns.length ? columns.filter((c) => c.drifted).length / columns.length : 0;
  return { columns, driftShare, datasetDrift: driftShare >= 0.5 };
};

function columnDrift(ref: Column, cur: Column, n: number, m: number): ColumnDriftSummary {
  if (isNumericColumn(ref) && isNumericColumn(cur)) {
    const d = ksStatistic(ref.values, cur.values);
    const critical = 1.358 * Math.sqrt((n + m) / (n * m));
    return {
      name: ref.name,
      kind: 'numeric',
      test: 'ks',
      reason: 'interim: KS statistic above its 5% critical value',
      drifted: d > critical,
      ks: { statistic: d, pValue: NaN },
      psi: 0,
      jensenShannon: 0,
    };
  }
  const text = (c: Column) => (isNumericColumn(c) ? [] : Array.from(c.codes, (k) => (k < 0 ? '' : c.dictionary[k])));
  const a = shares(text(ref));
  const b = shares(text(cur));
  let tv = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) tv += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0)) / 2;
  return {
    name: ref.name,
    kind: 'categorical',
    test: 'tv',
    reason: 'interim: total variation distance ≥ 0.2',
    drifted: tv >= 0.2,
    psi: 0,
    jensenShannon: tv,
  };
}

function shares(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1 / values.length);
  return m;
}

function ksStatistic(a: Float64Array, b: Float64Array): number {
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
