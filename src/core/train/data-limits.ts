/**
 * Limits that depend on the data rather than on the spec (the spec's own
 * ranges and memory estimate are in validate-spec.ts). Each is checked
 * before training, so a run that cannot work stops in a moment with a
 * message instead of after minutes or gigabytes.
 */

/**
 * A classifier learns at most this many classes. Beyond it the per-class
 * report, the confusion matrix (classes²) and the model's output layer grow
 * past what the app can show or store; a target with that many values is
 * usually a quantity (regression) or has a long tail of rare classes to group.
 */
export const MAX_CLASSES = 100;

/**
 * A categorical feature keeps at most this many of its most frequent training
 * categories as one-hot columns; the rest share one "other" column (and the
 * run says so in a warning). Without the cap a 20,000-category feature makes
 * 20,000 input columns: 117 s and 9.75 GB for logistic regression.
 */
export const MAX_ONE_HOT_CATEGORIES = 50;
