import type { ClassReport, ConfusionMatrix } from '../core/metrics/index.ts';
import { printable, renderTable, truncate } from './text-table.ts';

/** The text summary prints the confusion matrix for at most this many classes (wider does not fit a terminal). */
export const MAX_PRINTED_MATRIX_CLASSES = 20;
/** …and at most this many per-class rows, the largest classes first. */
export const MAX_PRINTED_CLASS_ROWS = 30;

/**
 * The per-class table and the confusion matrix of the text summary, cut to
 * what a terminal can show, each cut saying so and where the rest is
 * (`--json` always has every class and the whole matrix).
 */
export function classTables(
  perClass: ClassReport[],
  confusion: ConfusionMatrix,
  fmt: (value: number) => string,
): string[] {
  const lines = ['Per class:'];
  const shown = perClass.length <= MAX_PRINTED_CLASS_ROWS ? perClass : largestClasses(perClass);
  const rows = shown.map((c) => [
    truncate(printable(c.label), 30),
    fmt(c.precision),
    fmt(c.recall),
    fmt(c.f1),
    String(c.support),
  ]);
  lines.push(
    indent(renderTable(['class', 'precision', 'recall', 'f1', 'support'], rows, [false, true, true, true, true])),
  );
  if (shown.length < perClass.length)
    lines.push(
      `  (the ${shown.length} classes with the most held-out rows of ${perClass.length}; --json lists them all)`,
    );
  lines.push('');

  const k = confusion.labels.length;
  if (k > MAX_PRINTED_MATRIX_CLASSES) {
    lines.push(
      `Confusion matrix: ${k} × ${k}, too wide to print (at most ${MAX_PRINTED_MATRIX_CLASSES} classes); --json has it in full.`,
      '',
    );
    return lines;
  }
  lines.push('Confusion matrix (rows: actual, columns: predicted):');
  const labels = confusion.labels.map((l) => truncate(printable(l), 16));
  const matrixRows = confusion.matrix.map((row, i) => [labels[i], ...row.map(String)]);
  lines.push(indent(renderTable(['', ...labels], matrixRows, [false, ...labels.map(() => true)])), '');
  return lines;
}

function largestClasses(perClass: ClassReport[]): ClassReport[] {
  return perClass
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.support - a.c.support || a.i - b.i)
    .slice(0, MAX_PRINTED_CLASS_ROWS)
    .map(({ c }) => c);
}

function indent(block: string): string {
  return block
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
