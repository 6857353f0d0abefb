export interface MlpData {
  task: 'classification' | 'regression';
  /** Dense row-major features, rows × width, already preprocessed. */
  x: Float64Array;
  rows: number;
  width: number;
  /** Class indices (classification) or values (regression). */
  y: Int32Array | Float64Array;
  classCount: number;
}

export interface EpochReport {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** Training accuracy (classification). */
  accuracy: number | null;
  valAccuracy: number | null;
}
