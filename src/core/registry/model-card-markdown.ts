import type { CardMetric, ModelCard } from './model-card.ts';
import { metricLabel } from '../metrics/headline-metrics.ts';

/**
 * The model card as Markdown, for export and for reading outside the app.
 *
 * @example
 * modelCardMarkdown(buildModelCard({ version, run, datasetVersion })).split('\n')[0]; // '# Model card: churn v3'
 */
export function modelCardMarkdown(card: ModelCard): string {
  const m = card.model;
  const lines: string[] = [`# Model card: ${card.title}`, ''];
  if (m.description) lines.push(m.description, '');
  lines.push('## Model details', '');
  lines.push(
    ...bullets([
      ['Version id', code(m.id)],
      ['Stage', m.stage],
      ['Aliases', m.aliases.length ? m.aliases.map(code).join(', ') : 'none'],
      ['Model', m.kind],
      ['Registered', `${m.createdAt} by ${m.createdBy}`],
      ['Run', `${m.runName} (${code(m.runId)})`],
      ['Artifact', `${code(m.artifactBlob)} (${m.artifactBytes} bytes)`],
      [
        'Tags',
        Object.keys(m.tags).length
          ? Object.entries(m.tags)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')
          : 'none',
      ],
    ]),
  );
  lines.push(
    '',
    '### Hyperparameters',
    '',
    ...table(
      ['Parameter', 'Value'],
      m.hyperparameters.map((h) => [h.name, h.value]),
    ),
  );
  lines.push('', '## Intended use', '', card.intendedUse.trim() || '_Not stated._');
  lines.push('', '## Limitations', '', card.limitations.trim() || '_Not stated._');
  lines.push('', '## Training data', '');
  if (card.data) {
    const d = card.data;
    lines.push(
      ...bullets([
        ['Dataset', `${d.name} (${code(d.id)})`],
        ['Size', `${d.rows} rows × ${d.columns} columns`],
        ['Saved', d.createdAt],
      ]),
    );
    lines.push('', '### Quality warnings', '');
    lines.push(
      ...(d.qualityWarnings.length
        ? d.qualityWarnings.map((w) => `- **${w.severity}** ${w.column ? `${code(w.column)}: ` : ''}${w.message}`)
        : ['None.']),
    );
  } else {
    lines.push(`Dataset version ${code(card.datasetVersionId)} is not in this workspace.`);
  }
  lines.push(
    '',
    '## Split',
    '',
    ...bullets([
      ['Method', card.split.method],
      ['Training rows', String(card.split.train)],
      ['Held-out rows', String(card.split.test)],
    ]),
  );
  lines.push('', '## Preprocessing', '', '_Fitted on the training rows only._', '');
  lines.push(
    ...table(
      ['Column', 'Kind', 'Steps'],
      card.preprocessing.map((p) => [p.column, p.kind, p.description]),
    ),
  );
  lines.push(
    '',
    '## Training',
    '',
    ...bullets([
      ['Seed', String(card.training.seed)],
      ['Backend', card.training.backend ?? 'none (pure TypeScript)'],
      ['Platform', card.training.platform],
      ['Versions', `workbench ${card.training.workbenchVersion}, TF.js ${card.training.tfjsVersion}`],
      ['Finished', `${card.training.trainedAt} (${card.training.durationMs} ms)`],
    ]),
  );
  lines.push(
    '',
    '## Input signature',
    '',
    `Task: ${card.signature.task}. Target: ${code(card.signature.target.name)} (${card.signature.target.type})${card.signature.target.labels.length ? `, labels ${card.signature.target.labels.map(code).join(', ')}` : ''}.`,
    '',
  );
  lines.push(
    ...table(
      ['Input', 'Type', 'Role'],
      card.signature.inputs.map((i) => [i.name, i.type, i.role]),
    ),
  );
  lines.push('', `## Metrics (${card.metrics.testRows} held-out rows)`, '');
  lines.push(
    ...table(
      ['Metric', 'Value', '95% interval'],
      card.metrics.headline.map((x) => [metricLabel(x.name), value(x), interval(x)]),
    ),
  );
  if (card.metrics.perClass) {
    lines.push('', '### Per class', '');
    lines.push(
      ...table(
        ['Class', 'Support', 'Precision', '95% interval', 'Recall', '95% interval'],
        card.metrics.perClass.map((c) => [
          c.label,
          String(c.support),
          value(c.precision),
          interval(c.precision),
          value(c.recall),
          interval(c.recall),
        ]),
      ),
    );
  }
  lines.push('', ...card.metrics.notes.map((n) => `_${n}_`), '');
  return lines.join('\n');
}

function bullets(rows: [string, string][]): string[] {
  return rows.map(([k, v]) => `- **${k}:** ${v}`);
}

function table(header: string[], rows: string[][]): string[] {
  if (!rows.length) return ['None.'];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

// A pipe or a line break would break the table row.
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function value(metric: CardMetric): string {
  return metric.value === null ? 'n/a' : fixed(metric.value);
}

function interval(metric: CardMetric): string {
  return metric.interval ? `${fixed(metric.interval.low)} – ${fixed(metric.interval.high)}` : '—';
}

function fixed(x: number): string {
  return x.toFixed(4);
}
