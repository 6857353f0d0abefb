import { WorkbenchError } from '../../errors.ts';

/** Throws when either sample of a column has no values, or only one. */
export function checkSampleSizes(name: string, referenceCount: number, currentCount: number): void {
  for (const [side, count] of [
    ['reference', referenceCount],
    ['current', currentCount],
  ] as const) {
    if (count === 0) {
      throw new WorkbenchError(
        'drift.all_missing',
        `Column "${name}" has no values in the ${side} data. Leave it out (--columns) or fill its missing values.`,
        { details: { column: name, side } },
      );
    }
    if (count === 1) {
      throw new WorkbenchError(
        'drift.too_few_rows',
        `Column "${name}" has only one value in the ${side} data; drift needs at least two. Use a larger ${side === 'current' ? 'window' : 'reference'}.`,
        { details: { column: name, side } },
      );
    }
  }
}
