/**
 * The plain, JSON- and structured-clone-friendly objects the evaluation step
 * stores with a run, sends across the worker boundary and prints from the CLI.
 */
import type { ProportionInterval } from './confidence-interval.ts';
import type { ConfusionMatrix } from './confusion.ts';
import type { PrecisionRecallCurve } from './pr-curve.ts';
import type { RocCurve } from './roc.ts';

/** Scores of one class, one-vs-rest for the ranking metrics. */
export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Held-out rows whose actual class is this one. */
  support: number;
  /** `null` without probabilities, or when the class is absent from the held-out rows. */
  rocAuc: number | null;
  /** `null` without probabilities; 0 when the class is absent (as sklearn). */
  averagePrecision: number | null;
}

/** Every classification metric of one evaluation (field names are the CLI's `--json` names). */
export interface ClassificationReport {
  task: 'classification';
  /** Held-out rows evaluated. */
  n: number;
  accuracy: number;
  /** 95% Wilson score interval of the accuracy over `n` rows. */
  accuracyInterval: ProportionInterval;
  precisionMacro: number;
  recallMacro: number;
  f1Macro: number;
  precisionWeighted: number;
  recallWeighted: number;
  f1Weighted: number;
  /** Binary: AUC of class 1; multiclass: one-vs-rest macro. `null` where undefined or without probabilities. */
  rocAuc: number | null;
  /** Binary: AP of class 1; multiclass: one-vs-rest macro. `null` without probabilities. */
  averagePrecision: number | null;
  /** `null` without probabilities. */
  logLoss: number | null;
  perClass: ClassReport[];
  confusion: ConfusionMatrix;
  /** One-vs-rest ROC curve of each class (index = class); `null` without probabilities or for an absent class. */
  rocCurves: (RocCurve | null)[] | null;
  /** One-vs-rest precision-recall curve of each class; `null` without probabilities or for an absent class. */
  prCurves: (PrecisionRecallCurve | null)[] | null;
}

/** Every regression metric of one evaluation. */
export interface RegressionReport {
  task: 'regression';
  n: number;
  mae: number;
  rmse: number;
  /** NaN with a single row; 1 or 0 for a constant target (see `r2Score`). */
  r2: number;
}
