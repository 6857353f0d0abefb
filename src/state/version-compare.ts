/**
 * Two or more model versions side by side: metrics (best marked),
 * pipeline parameters (differing ones marked), data version and signature
 * (each against the first version).
 */
import { describeSignatureDiff, signatureDiff } from '../core/registry/signature.ts';
import { metricDirection } from '../core/metrics/headline-metrics.ts';
import type { ModelVersion } from '../core/registry/registry-types.ts';
import type { PipelineSpec } from '../core/train/pipeline-spec.ts';
import { compareParameters, type ParameterRow } from './flatten-spec.ts';

/** One metric across the versions; `best` holds the indexes of the best value (empty without a direction). */
export interface MetricRow {
  metric: string;
  values: (number | null)[];
  best: number[];
}

/** Everything the comparison table shows. */
export interface VersionComparisonTable {
  labels: string[];
  metrics: MetricRow[];
  /** Empty when no version's run is in the workspace. */
  parameters: ParameterRow[];
  datasets: { values: string[]; differs: boolean };
  /** Per version: how its signature differs from the first's (`[]` = same). */
  signatures: string[][];
}

/**
 * Builds the comparison; `specs[i]` is version i's pipeline spec, or
 * `undefined` when its run is not here (imported versions).
 *
 * @example
 * compareVersionTable([v1, v2], [run1.spec, run2.spec]).metrics.find((m) => m.metric === 'accuracy')?.best; // [1]
 */
export function compareVersionTable(
  versions: ModelVersion[],
  specs: (PipelineSpec | undefined)[],
): VersionComparisonTable {
  const names = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))];
  const metrics = names.map((metric): MetricRow => {
    const values = versions.map((v) => v.metrics[metric] ?? null);
    const direction = metricDirection(metric);
    const present = values.filter((x): x is number => x !== null);
    if (!direction || present.length < 2) return { metric, values, best: [] };
    const top = direction > 0 ? Math.max(...present) : Math.min(...present);
    return { metric, values, best: values.flatMap((x, i) => (x === top ? [i] : [])) };
  });
  const withoutData = specs.map((spec) => {
    if (!spec) return {};
    // The data version has its own row; explicit split indices would be thousands of numbers.
    const { datasetVersionId: _data, ...rest } = spec;
    return rest.split.kind === 'indices' ? { ...rest, split: { kind: 'indices' } } : rest;
  });
  const datasetValues = versions.map((v) => v.datasetVersionId);
  return {
    labels: versions.map((v) => `v${v.version}`),
    metrics,
    parameters: specs.some(Boolean) ? compareParameters(withoutData) : [],
    datasets: { values: datasetValues, differs: new Set(datasetValues).size > 1 },
    signatures: versions.map((v) => describeSignatureDiff(signatureDiff(versions[0].signature, v.signature))),
  };
}
