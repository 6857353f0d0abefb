import type { MetricGate, ModelVersion, PromotionGates, RegisteredModel } from '../core/registry/registry-types.ts';
import { printable, renderTable, truncate } from './text-table.ts';

/**
 * The registry as the CLI prints it: models, one model's versions, and a
 * model's promotion gates, as plain text.
 */

/** A model record as `workbench models --json` lists it: the record, its version numbers and its Production version. */
export type ModelSummary = RegisteredModel & { versions: number[]; production: number | null };

/** Metrics worth a column, in this order, when a version reports them. */
const HEADLINE = ['accuracy', 'f1Macro', 'rocAuc', 'r2', 'rmse', 'mae'];

/** The models table: name, number of versions, latest, Production version and gates. */
export function formatModels(models: ModelSummary[]): string {
  if (models.length === 0)
    return 'No registered models. Register a run with workbench train … --workspace <dir> --register <model-name>.';
  const rows = models.map((m) => [
    truncate(printable(m.name), 40),
    String(m.versions.length),
    String(m.latestVersion),
    m.production === null ? '-' : String(m.production),
    truncate(describeGates(m.gates), 80),
  ]);
  return renderTable(['model', 'versions', 'latest', 'production', 'gates'], rows, [false, true, true, true, false]);
}

/** One model: a headline (Production version, gates), then a row per version, oldest first. */
export function formatVersions(model: RegisteredModel, versions: ModelVersion[]): string {
  const production = versions.find((v) => v.stage === 'Production');
  const lines = [
    `model ${printable(model.name)}: ${versions.length} version${versions.length === 1 ? '' : 's'}, ${production ? `version ${production.version} in Production` : 'none in Production'}`,
    `gates ${describeGates(model.gates)}`,
    '',
  ];
  if (versions.length === 0) return [...lines, 'No versions.'].join('\n');
  const gated = model.gates.metrics.map((g) => g.metric);
  const metrics = [...HEADLINE, ...gated.filter((m) => !HEADLINE.includes(m))].filter((name) =>
    versions.some((v) => v.metrics[name] !== undefined),
  );
  const header = ['version', 'stage', 'aliases', ...metrics, 'model', 'run', 'dataset', 'created'];
  const rows = versions.map((v) => [
    String(v.version),
    v.stage,
    truncate(printable(v.aliases.join(',')), 30) || '-',
    ...metrics.map((name) => formatMetric(v.metrics[name]) + (v.metricsReportedByExporter ? '*' : '')),
    v.modelKind,
    printable(v.runId.slice(0, 8)),
    v.datasetVersionId.slice(0, 12),
    v.createdAt.slice(0, 19).replace('T', ' '),
  ]);
  const right = header.map((h) => h === 'version' || metrics.includes(h));
  const reported = versions.some((v) => v.metricsReportedByExporter)
    ? ['', '* metrics reported by the exporter of an imported bundle; this workspace cannot re-derive them']
    : [];
  return [...lines, renderTable(header, rows, right), ...reported].join('\n');
}

/**
 * Gates as one line.
 *
 * @example
 * describeGates(DEFAULT_GATES) // 'on Production: quality checks, signature match'
 */
export function describeGates(gates: PromotionGates): string {
  const parts = [
    ...gates.metrics.map(describeMetricGate),
    ...(gates.requireQualityChecks ? ['quality checks'] : []),
    ...(gates.requireSignatureMatch ? ['signature match'] : []),
    ...(gates.requireApproval ? ['approval'] : []),
  ];
  const stages = gates.stages.length ? gates.stages.join(', ') : 'no stage';
  return `on ${stages}: ${parts.length ? parts.join(', ') : 'none'}`;
}

function describeMetricGate(gate: MetricGate): string {
  const bounds = [
    gate.min !== undefined ? `≥ ${gate.min}` : null,
    gate.max !== undefined ? `≤ ${gate.max}` : null,
    gate.maxRegression !== undefined ? `at most ${gate.maxRegression} worse than Production` : null,
  ].filter((b) => b !== null);
  return `${printable(gate.metric)} ${bounds.join(' and ')}`;
}

/** A metric for a table cell: 4 decimals, `-` when absent. */
export function formatMetric(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toFixed(4) : '-';
}
