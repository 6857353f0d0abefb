import { APP_ERRORS } from './app-errors.ts';
import { DATA_ERRORS } from './data-errors.ts';
import { DRIFT_ERRORS } from './drift-errors.ts';
import type { ErrorEntry } from './error-entry.ts';
import { MONITOR_ERRORS } from './monitor-errors.ts';
import { ONNX_ERRORS } from './onnx-errors.ts';
import { FEATURE_ERRORS } from './feature-errors.ts';
import { INTEROP_ERRORS } from './interop-errors.ts';
import { EXPRESSION_ERRORS } from './expression-errors.ts';
import { REGISTRY_ERRORS } from './registry-errors.ts';
import { SERVING_ERRORS } from './serving-errors.ts';
import { STORAGE_ERRORS } from './storage-errors.ts';
import { TRAIN_ERRORS } from './train-errors.ts';
import { WORKSPACE_BUNDLE_ERRORS } from './workspace-bundle-errors.ts';

/**
 * Every error code the workbench raises, with its title and generic help.
 * Codes are `area.snake_case`; one file per group of areas keeps the lists
 * short. A code that is not here does not type-check in `WorkbenchError`.
 *
 * @example
 * ERROR_CATALOGUE['csv.empty'].help // 'Choose a CSV file with a header row and data.'
 */
export const ERROR_CATALOGUE = {
  ...DATA_ERRORS,
  ...TRAIN_ERRORS,
  ...REGISTRY_ERRORS,
  ...SERVING_ERRORS,
  ...MONITOR_ERRORS,
  ...DRIFT_ERRORS,
  ...STORAGE_ERRORS,
  ...FEATURE_ERRORS,
  ...APP_ERRORS,
  ...EXPRESSION_ERRORS,
  ...WORKSPACE_BUNDLE_ERRORS,
  ...ONNX_ERRORS,
  ...INTEROP_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

/** A stable error code, e.g. `csv.empty` or `registry.bad_stage`. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export type { ErrorEntry };

/** Whether `code` is one of the catalogue's codes (for codes read back from storage or a worker). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

/** The title and help of `code`. */
export function errorEntry(code: ErrorCode): ErrorEntry {
  return ERROR_CATALOGUE[code];
}
