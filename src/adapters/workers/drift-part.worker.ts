/**
 * The drift worker's second thread: it compares the columns it is sent
 * (see drift-split.ts) and answers with their report and distributions.
 */
import * as Comlink from 'comlink';
import { compareWithDistributions } from '../../core/monitor/drift/drift-comparison.ts';
import type { DriftPart } from './drift-split.ts';

const part: DriftPart = {
  compareColumns: async (reference, current, options, progress) =>
    compareWithDistributions(reference, current, options, progress),
};

Comlink.expose(part);
