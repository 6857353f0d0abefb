/**
 * The drift worker's second thread: it compares the columns it is sent
 * (see drift-split.ts) and answers with their report and distributions.
 * Failures come back as values, so the error's code survives Comlink.
 */
import * as Comlink from 'comlink';
import { toErrorInfo } from '../../core/errors.ts';
import { compareWithDistributions } from '../../core/monitor/drift/drift-comparison.ts';
import type { DriftPartApi } from './drift-protocol.ts';

const api: DriftPartApi = {
  async compareColumns(reference, current, options, progress) {
    try {
      return { ok: true, value: compareWithDistributions(reference, current, options, progress) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  },
};

Comlink.expose(api);
