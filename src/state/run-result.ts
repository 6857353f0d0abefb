/**
 * Turns a worker call into a value or an error message, so state classes
 * can expose `error` instead of throwing into components.
 */
import { toErrorInfo } from '../core/errors.ts';
import type { Result } from '../adapters/workers/data-protocol.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Awaits `call`; a `{ ok: false }` result or a thrown error (a crashed
 * worker, a failed IndexedDB request) becomes `{ ok: false, message }`.
 */
export async function runResult<T>(call: () => Promise<Result<T>>): Promise<Outcome<T>> {
  try {
    const result = await call();
    return result.ok ? result : { ok: false, message: result.error.message };
  } catch (error) {
    return { ok: false, message: toErrorInfo(error).message };
  }
}

/** Like {@link runResult} for calls that throw instead of returning a Result. */
export async function runThrowing<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  return runResult(async () => ({ ok: true as const, value: await call() }));
}
