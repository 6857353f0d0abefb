import type { ColumnInference } from '../ingest/inference-types.ts';
import type { ColumnProfile, QualityWarning } from '../profile/profile-types.ts';
import type { DataTable } from '../types.ts';
import { isIdentifierLike } from '../profile/identifier-like.ts';
import { targetWarnings } from './target-checks.ts';
import { quotedValue } from './value-text.ts';

/** A column missing in at least this share of rows is "mostly missing". */
export const MOSTLY_MISSING = 0.95;

/** A column missing in at least this share of rows (and less than {@link MOSTLY_MISSING}) gets a warning that says how training fills it. */
export const SOME_MISSING = 0.05;

/**
 * A column is "mostly numbers" (or dates) when at least this share of its
 * values are; only then are the other values odd cells worth a warning.
 * Below it the column is simply text, such as a category whose levels are
 * `No`, `Yes` and `No internet service`.
 */
export const MIXED_MAJORITY = 0.8;

/** What the quality checks look at. */
export interface QualityInput {
  table: DataTable;
  /** One per column, in `table.columns` order, roles included. */
  profiles: ColumnProfile[];
  /** Type inference's per-column counts, when the table came from a file. */
  inference?: ColumnInference[];
  duplicateRows: number;
}

/**
 * Data-quality warnings for a profiled table, target checks first (they
 * can block training), then duplicate rows, then per column in column
 * order: all or mostly missing, constant, mixed value kinds, identifier-like,
 * and perfect predictors of the target. Each message says what was found and
 * what to do about it. Columns whose role is `ignore` are not checked.
 */
export function qualityWarnings(input: QualityInput): QualityWarning[] {
  const { table, profiles, inference, duplicateRows } = input;
  const warnings = targetWarnings(table, profiles);
  const leaks = new Map(warnings.filter((w) => w.code === 'target-leakage').map((w) => [w.column, w]));
  const result = warnings.filter((w) => w.code !== 'target-leakage');
  if (duplicateRows > 0) {
    result.push({
      code: 'duplicate-rows',
      severity: 'warning',
      message: `${count(duplicateRows)} ${duplicateRows === 1 ? 'row repeats' : 'rows repeat'} an earlier row exactly (${percent(duplicateRows, table.rowCount)} of rows). Remove the copies unless they are real repeated observations: duplicates inflate test scores when copies land in both the training and the test split.`,
    });
  }
  const byName = new Map((inference ?? []).map((c) => [c.name, c]));
  for (const profile of profiles) {
    if (profile.role === 'ignore') continue;
    result.push(...columnWarnings(profile, table.rowCount, byName.get(profile.name)));
    const leak = leaks.get(profile.name);
    if (leak) result.push(leak);
  }
  return result;
}

function columnWarnings(
  profile: ColumnProfile,
  rowCount: number,
  inference: ColumnInference | undefined,
): QualityWarning[] {
  const out: QualityWarning[] = [];
  const name = profile.name;
  const warn = (code: QualityWarning['code'], message: string, severity: QualityWarning['severity'] = 'warning') =>
    out.push({ code, severity, column: name, message });
  if (rowCount > 0 && profile.count === 0) {
    warn(
      'missing-all',
      `Column "${name}" is empty in all ${count(rowCount)} rows. Set its role to ignore, or check that the file has values in it.`,
    );
    return out;
  }
  if (rowCount > 0 && profile.missing / rowCount >= MOSTLY_MISSING) {
    warn(
      'missing-most',
      `Column "${name}" is missing in ${percent(profile.missing, rowCount)} of rows (${count(profile.missing)} of ${count(rowCount)}). Set its role to ignore, or fill the gaps if the few values matter.`,
    );
  } else if (rowCount > 0 && profile.missing / rowCount >= SOME_MISSING) {
    warn(
      'missing-some',
      `Column "${name}" is missing in ${percent(profile.missing, rowCount)} of rows (${count(profile.missing)} of ${count(rowCount)}). ${missingTreatment(profile)}`,
    );
  }
  if (profile.distinct === 1) {
    const where = profile.missing > 0 ? 'every row that has a value' : 'every row';
    warn(
      'constant',
      `Column "${name}" has the same value (${quotedValue(profile)}) in ${where}, so it tells a model nothing. Set its role to ignore.`,
    );
  }
  const mixed = inference && mixedKinds(inference);
  if (mixed)
    warn(
      'mixed-types',
      `Column "${name}" mixes kinds of values: ${mixed}. Correct or clear the odd cells in the file, or keep the column as text if they belong there.`,
    );
  if (isIdentifierLike(profile)) {
    const known = profile.role === 'entity';
    const what = `Column "${name}" looks like an identifier: all ${count(profile.count)} values are different.`;
    warn(
      'identifier-like',
      known
        ? `${what} Its role is entity, so models will not learn from it.`
        : `${what} A model would memorise it instead of learning; set its role to entity (or ignore).`,
      known ? 'info' : 'warning',
    );
  }
  return out;
}

/** How training treats the missing cells of a column, by its role and type. */
function missingTreatment(profile: ColumnProfile): string {
  if (profile.role === 'target')
    return 'Training leaves rows without a target value out (the run report says how many); fill them in if you know them.';
  const numeric =
    profile.type === 'number' ||
    profile.type === 'integer' ||
    profile.type === 'boolean' ||
    profile.type === 'datetime';
  const fill = numeric ? 'the median of the training rows' : 'the most frequent value';
  return `Training fills the gaps with ${fill} unless you choose another imputation in the Train view (mean, median, most frequent, a constant, or drop those rows; \`--impute\` in the CLI).`;
}

/**
 * `950 numbers and 50 text values (e.g. "abc" in data row 13)` for a column
 * that is mostly numbers or dates (see {@link MIXED_MAJORITY}) with a few
 * other values; undefined otherwise. Words such as yes/no among other words
 * are ordinary category levels, not a mix.
 */
function mixedKinds(inference: ColumnInference): string | undefined {
  const c = inference.counts;
  const kinds: [number, string, string][] = [
    [c.integer + c.decimal, 'number', 'numbers'],
    [c.datetime, 'date', 'dates'],
    [c.boolean, 'true/false value', 'true/false values'],
    [c.text, 'text value', 'text values'],
  ];
  const present = kinds.filter(([n]) => n > 0).sort((a, b) => b[0] - a[0]);
  if (present.length < 2) return undefined;
  const total = present.reduce((sum, [n]) => sum + n, 0);
  const [majority] = present;
  if (majority[0] < MIXED_MAJORITY * total || (majority !== kinds[0] && majority !== kinds[1])) return undefined;
  const parts = present.map(([n, one, many]) => `${count(n)} ${n === 1 ? one : many}`);
  const list =
    parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const example = inference.nonConforming[0];
  // Data rows are shown 1-based, not counting the header line.
  return example ? `${list} (e.g. ${JSON.stringify(example.value)} in data row ${count(example.row + 1)})` : list;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `97.3%`; never rounds a partial share up to 100% or down to 0%. */
function percent(part: number, whole: number): string {
  const p = (part / whole) * 100;
  if (part < whole && p >= 99.95) return '>99.9%';
  if (part > 0 && p < 0.05) return '<0.1%';
  return `${p.toFixed(1)}%`;
}
