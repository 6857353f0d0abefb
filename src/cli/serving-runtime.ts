import type { TfRuntime } from '../core/models/tf-runtime.ts';
import { modelEntry } from '../core/models/catalogue.ts';

/**
 * TF.js for scoring with these model kinds, or null when none needs it: the
 * Node backend (and TF.js itself) is loaded only for a kind that runs on it.
 */
export async function servingRuntime(kinds: string[]): Promise<TfRuntime | null> {
  if (!kinds.some((kind) => modelEntry(kind).runtime === 'tfjs')) return null;
  const { selectNodeBackend } = await import('../adapters/tf-backend/node-backend.ts');
  return (await selectNodeBackend()).runtime;
}
