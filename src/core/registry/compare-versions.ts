import type { PipelineSpec } from '../train/pipeline-spec.ts';
import { describeSignatureDiff, signatureDiff, type SignatureDiff } from './signature.ts';
import { metricDirection } from '../metrics/headline-metrics.ts';
import type { ModelVersion } from './registry-types.ts';

/** One metric of two versions side by side. */
export interface MetricComparison {
  metric: string;
  a: number | null;
  b: number | null;
  /** `b − a`, `null` when either is missing. */
  difference: number | null;
  /** Which version is better on this metric, `null` when either is missing or the direction is unknown. */
  better: 'a' | 'b' | 'same' | null;
}

/** One parameter of the two runs' pipeline specs (dotted path, e.g. `model.trees`). */
export interface ParameterComparison {
  name: string;
  a: string | number | boolean | null | undefined;
  b: string | number | boolean | null | undefined;
  same: boolean;
}

/** Two versions side by side: `a` is the reference, differences are `b − a`. */
export interface VersionComparison {
  a: { id: string; modelKind: string; stage: string; testRows: number };
  b: { id: string; modelKind: string; stage: string; testRows: number };
  metrics: MetricComparison[];
  /** Empty unless both specs are given. */
  parameters: ParameterComparison[];
  dataset: { a: string; b: string; same: boolean };
  signature: SignatureDiff & { summary: string[] };
}

/**
 * Compares two versions (of one model or two): metrics with differences,
 * pipeline parameters when the runs' specs are given, dataset version and
 * signature.
 *
 * @example
 * compareVersions(v1, v2, { a: run1.spec, b: run2.spec }).metrics.find((m) => m.metric === 'accuracy');
 */
export function compareVersions(
  a: ModelVersion,
  b: ModelVersion,
  specs: { a?: PipelineSpec; b?: PipelineSpec } = {},
): VersionComparison {
  const names = [...new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])];
  const metrics = names.map((metric): MetricComparison => {
    const x = a.metrics[metric] ?? null;
    const y = b.metrics[metric] ?? null;
    const difference = x === null || y === null ? null : y - x;
    const direction = metricDirection(metric);
    const better =
      difference === null || direction === 0
        ? null
        : difference === 0
          ? 'same'
          : difference * direction > 0
            ? 'b'
            : 'a';
    return { metric, a: x, b: y, difference, better };
  });
  const diff = signatureDiff(a.signature, b.signature);
  return {
    a: summary(a),
    b: summary(b),
    metrics,
    parameters: specs.a && specs.b ? compareParameters(specs.a, specs.b) : [],
    dataset: { a: a.datasetVersionId, b: b.datasetVersionId, same: a.datasetVersionId === b.datasetVersionId },
    signature: { ...diff, summary: describeSignatureDiff(diff) },
  };
}

function summary(v: ModelVersion) {
  return { id: v.id, modelKind: v.modelKind, stage: v.stage, testRows: v.testRows };
}

function compareParameters(a: PipelineSpec, b: PipelineSpec): ParameterComparison[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const names = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return names.map((name) => ({ name, a: fa.get(name), b: fb.get(name), same: fa.get(name) === fb.get(name) }));
}

type Leaf = string | number | boolean | null;

/** Flattens a spec to dotted paths; arrays become one comma-joined value (explicit splits are long, so only their size is kept). */
function flatten(spec: PipelineSpec): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (value: unknown, path: string) => {
    if (path === 'datasetVersionId') return;
    if (Array.isArray(value)) {
      out.set(path, path.startsWith('split.') ? `${value.length} rows` : value.join(', '));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else if (value !== undefined) {
      out.set(path, value as Leaf);
    }
  };
  walk(spec, '');
  return out;
}
