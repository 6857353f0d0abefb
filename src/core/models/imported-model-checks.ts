import { WorkbenchError } from '../errors.ts';

/**
 * A bundle file that passed every checksum but does not hold a model the
 * workbench can trust: its structure, shapes or numbers are wrong. The
 * message names the file(s) and what is wrong.
 */
export function invalidModel(file: string, why: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError(
    'bundle.invalid_model',
    `${file} cannot be used: ${why}. The bundle was changed or damaged after export. Export the model again from the workbench.`,
    { cause, details: { file } },
  );
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isCount = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;

/** Index of the first value that is not a finite number, or -1. */
export function firstNonFinite(values: ArrayLike<unknown>): number {
  for (let i = 0; i < values.length; i++) if (!isFiniteNumber(values[i])) return i;
  return -1;
}
