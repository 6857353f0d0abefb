/**
 * The MLOps terms the app underlines and explains, and the split of a
 * sentence into plain text and terms (the first mention of each term).
 */

export interface GlossaryEntry {
  /** Stable id, also the element id's suffix. */
  id: string;
  term: string;
  /** Spellings matched in text, case-insensitively, longest first. */
  matches: readonly string[];
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'dataset-version',
    term: 'Dataset version',
    matches: ['dataset version', 'version of the data'],
    definition:
      'An immutable copy of a dataset, named by the SHA-256 hash of its content: the same data always gets the same id.',
  },
  {
    id: 'lineage',
    term: 'Lineage',
    matches: ['lineage'],
    definition: 'The chain from a model back to the run, the data version and the transforms that made it.',
  },
  {
    id: 'pipeline',
    term: 'Training pipeline',
    matches: ['training pipeline', 'pipeline spec', 'pipeline'],
    definition:
      'The declared steps from a dataset version to a model: split, preprocessing, model, evaluation. Running it again gives the same model.',
  },
  {
    id: 'registry',
    term: 'Model registry',
    matches: ['model registry', 'registry'],
    definition: 'The catalogue of trained models as numbered versions, each with its stage, aliases, metrics and card.',
  },
  {
    id: 'stage',
    term: 'Stage',
    matches: ['staging', 'production'],
    definition:
      'Where a model version stands: Development, Staging, Production or Archived. Moving it may require gates to pass.',
  },
  {
    id: 'gate',
    term: 'Promotion gate',
    matches: ['promotion gate', 'gates', 'gate'],
    definition:
      'A rule a version must meet before it moves to a stage, such as a minimum accuracy or a signature that matches.',
  },
  {
    id: 'feature-store',
    term: 'Feature store',
    matches: ['feature store'],
    definition:
      'One place that defines features, serves their history for training (point-in-time correct) and their latest values for serving.',
  },
  {
    id: 'drift',
    term: 'Drift',
    matches: ['data drift', 'model drift', 'drift'],
    definition:
      'A change, after training, in the inputs a model receives (data drift) or in how they relate to the answer (concept drift).',
  },
  {
    id: 'skew',
    term: 'Training/serving skew',
    matches: ['data skew', 'skew'],
    definition: 'A difference between the data or features a model was trained on and what it receives when serving.',
  },
  {
    id: 'canary',
    term: 'Canary release',
    matches: ['canary'],
    definition: 'Sending a small share of traffic to a new version first, and widening it only while it behaves.',
  },
  {
    id: 'shadow',
    term: 'Shadow deployment',
    matches: ['shadow'],
    definition:
      'A new version scores the same requests as the served one, but its answers are only logged, never returned.',
  },
  {
    id: 'rollback',
    term: 'Rollback',
    matches: ['roll back', 'rollback', 'rolled back'],
    definition: 'Restoring the deployment a release replaced, exactly as it was.',
  },
  {
    id: 'monitoring',
    term: 'Monitoring',
    matches: ['monitoring'],
    definition:
      'Watching a served model window by window: input drift, prediction drift, accuracy once labels arrive, latency.',
  },
  {
    id: 'retraining',
    term: 'Retraining',
    matches: ['retraining', 'retrain'],
    definition: 'Training a challenger on newer data and replacing the champion only if it passes the gates.',
  },
  {
    id: 'confusion-matrix',
    term: 'Confusion matrix',
    matches: ['confusion matrix'],
    definition: 'A table counting, for each actual class, how often the model predicted each class.',
  },
  {
    id: 'audit-log',
    term: 'Audit log',
    matches: ['audit log', 'audit trail'],
    definition: 'The append-only, hash-chained list of every change, who made it and when; any edit breaks the chain.',
  },
  {
    id: 'reproducibility',
    term: 'Reproducibility',
    matches: ['reproducibility', 'reproduce'],
    definition: 'Getting the same model and metrics again from the same spec, data version and seed.',
  },
];

export type Segment = { text: string } | { text: string; entry: GlossaryEntry };

const PATTERNS = GLOSSARY.flatMap((entry) =>
  entry.matches.map((match) => ({ entry, match: match.toLowerCase() })),
).sort((a, b) => b.match.length - a.match.length);

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/**
 * Splits `text` into plain runs and glossary terms, marking only the first
 * mention of each entry (the ones in `seen` are skipped and added to it).
 *
 * @example
 * markTerms('Drift needs monitoring.'); // [{text:'Drift', entry}, {text:' needs '}, {text:'monitoring', entry}, {text:'.'}]
 */
export function markTerms(text: string, seen: Set<string> = new Set()): Segment[] {
  const lower = text.toLowerCase();
  const segments: Segment[] = [];
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const hit = isWordChar(lower[i - 1])
      ? undefined
      : PATTERNS.find(
          ({ entry, match }) =>
            !seen.has(entry.id) && lower.startsWith(match, i) && !isWordChar(lower[i + match.length]),
        );
    if (!hit) {
      i += 1;
      continue;
    }
    if (i > plainFrom) segments.push({ text: text.slice(plainFrom, i) });
    segments.push({ text: text.slice(i, i + hit.match.length), entry: hit.entry });
    seen.add(hit.entry.id);
    i += hit.match.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom) });
  return segments;
}
