/**
 * The contract between the UI thread and the predict worker (types only).
 * The worker opens the workspace database itself and keeps the versions it
 * loaded, so a CSV's bytes go in and the predictions CSV's bytes come out:
 * no table is parsed or scored on the UI thread.
 */
import type { InputSignature } from '../../core/registry/registry-types.ts';
import type { RowExplanation } from '../../core/serving/predict/explain-row.ts';
import type { RequestRow } from '../../core/serving/predict/rows-to-table.ts';
import type { LatencySummary } from '../../core/serving/statistics/percentile.ts';
import type { Result } from './data-protocol.ts';

/** One input of a version's form: its type and, for a categorical input, the categories it was trained on. */
export interface InputField {
  name: string;
  type: InputSignature['inputs'][number]['type'];
  /** Categories seen in training (sorted), or null for a numeric input. */
  categories: string[] | null;
  /** The value training imputes for a missing cell: a sensible default for the form. */
  typical: string;
}

/** What the Predict form needs to know about a version. */
export interface VersionInputs {
  versionId: string;
  task: InputSignature['task'];
  target: string;
  labels: string[];
  fields: InputField[];
}

/** One typed-in row scored and explained. */
export interface RowPrediction {
  versionId: string;
  /** The user's own label (classification) or the value as text (regression). */
  predicted: string;
  /** Probability per class, in `labels` order; null for regression. */
  proba: { label: string; p: number }[] | null;
  explanation: RowExplanation;
  /** Single-row request latency of this version, timed on this row after warm-up. */
  latency: LatencySummary | null;
  /** Categorical inputs whose value the model never saw in training. */
  unknownCategories: number;
}

/** A whole CSV scored. */
export interface CsvPrediction {
  versionId: string;
  rowCount: number;
  /** The predictions file: row, actual (when the target is present), predicted, p_<class>… */
  header: string[];
  /** Its UTF-8 bytes (formula-looking cells escaped), ready to download. */
  csv: Uint8Array;
  /** The first rows of the predictions, for a preview. */
  preview: string[][];
  unknownCategories: number;
  /** Single-row request latency, timed on the file's rows after warm-up. */
  single: LatencySummary | null;
  /** Time per scored batch (up to SCORE_BATCH = 4096 rows) of this file. */
  batch: LatencySummary | null;
  batchRows: number;
}

export interface PredictWorkerApi {
  describe(versionId: string): Promise<Result<VersionInputs>>;
  scoreRow(versionId: string, row: RequestRow): Promise<Result<RowPrediction>>;
  /**
   * Reads, parses and scores a CSV file; `onProgress` gets rows done after
   * each batch. The file crosses as a handle: its bytes are read in the worker.
   */
  scoreCsv(
    versionId: string,
    file: Blob,
    onProgress: (done: number, total: number) => void,
  ): Promise<Result<CsvPrediction>>;
}
