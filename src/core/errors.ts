import type { ErrorCode } from './error-codes/catalogue.ts';

export type { ErrorCode };

/**
 * The one error type the workbench raises for expected failures.
 *
 * `code` is stable and listed, with a title and generic help, in
 * `error-codes/catalogue.ts` (tests and the UI branch on it); `message` is written for
 * the user and says what is wrong *and what to do*; `cause` keeps the
 * underlying error when there is one.
 *
 * @example
 * throw new WorkbenchError('csv.empty', 'The file is empty. Choose a CSV file with a header row and data.');
 */
export class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
  }
  readonly details: Record<string, unknown> | undefined;
}

/** A plain, structured-cloneable view of an error, for worker and UI boundaries. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** Turns anything thrown into an {@link ErrorInfo}; unknown errors keep their message. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof WorkbenchError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'internal.unexpected', message: error.message };
  return { code: 'internal.unexpected', message: String(error) };
}
