import type { AreaEntries } from './error-entry.ts';

/** Pipeline specs, splits, preprocessing, models and their metrics. */
export const TRAIN_ERRORS = {
  'spec.invalid': { title: 'Invalid pipeline spec', help: 'Download a spec from the Train view to see the format.' },
  'split.bad_fraction': { title: 'Bad test fraction', help: 'Use a test fraction between 0 and 1, e.g. 0.2.' },
  'split.bad_index': { title: 'Row out of range', help: 'List only row indices that exist in the data.' },
  'split.class_missing': {
    title: 'Class missing from training rows',
    help: 'Use a stratified split, or put examples of every class in the training rows.',
  },
  'split.empty': { title: 'Empty split', help: 'Put at least one row in the training set and one in the test set.' },
  'split.no_time_column': {
    title: 'No time column to order by',
    help: 'Choose a date or time column for a time-ordered split, or use a random split.',
  },
  'split.no_target': { title: 'Row without a target', help: 'Leave rows without a target value out of the split.' },
  'split.overlap': { title: 'Row in both sets', help: 'Put each row in the training set or the test set, not both.' },
  'split.too_few_rows': { title: 'Too few rows to split', help: 'Load more rows or change the test fraction.' },
  'train.cancelled': { title: 'Training cancelled', help: 'Start the run again when you are ready.' },
  'train.missing_column': { title: 'Missing column', help: 'Use data with the columns the model was trained on.' },
  'train.no_dataset': {
    title: 'Dataset version not found',
    help: 'Save the data as a version first, or pick another one.',
  },
  'train.no_features': { title: 'No feature columns', help: 'Give at least one column the feature role.' },
  'train.no_target': { title: 'Unknown target column', help: 'Choose a target column that exists in the data.' },
  'train.one_class': { title: 'Only one class', help: 'Choose a target column with at least two distinct values.' },
  'train.target_missing': { title: 'Empty target', help: 'Choose a target column that is filled in.' },
  'train.target_not_numeric': {
    title: 'Target not numeric',
    help: 'Choose classification, or a numeric target for regression.',
  },
  'train.too_many_classes': {
    title: 'Too many classes',
    help: 'Group rare classes into one (at most 100 classes), or predict a quantity with regression.',
  },
  'train.type_mismatch': { title: 'Column type changed', help: 'Use data with the schema the model was trained on.' },
  'train.unknown_column': { title: 'Unknown column', help: 'Name columns that exist in the data.' },
  'train.unusable_feature': {
    title: 'Column unusable as a feature',
    help: 'Set its role to ignore, or change its type to category.',
  },
  'train.diverged': {
    title: 'Training diverged',
    help: 'Use a smaller learning rate, standardize the features, or rescale very large columns.',
  },
  'train.extreme_values': {
    title: 'Values too large to compute with',
    help: 'Rescale the column (e.g. take a log), turn on standardization, or leave it out.',
  },
  'train.too_few_rows': {
    title: 'Too few training rows',
    help: 'Use a smaller validation fraction or more rows.',
  },
  'train.too_large': {
    title: 'Run too large for memory',
    help: 'Use fewer rows or feature columns, or a smaller model.',
  },
  'train.wrong_task': {
    title: 'Model does not fit the task',
    help: 'Choose a model made for this task, or change the task.',
  },
  'model.bad_label': { title: 'Bad class index', help: 'Encode the target as class indices before training.' },
  'model.bad_parameter': {
    title: 'Bad hyperparameter',
    help: 'Set the hyperparameter to a number in its allowed range.',
  },
  'model.bad_shape': { title: 'Data of the wrong shape', help: 'Select feature columns and keep at least one row.' },
  'model.class_missing': {
    title: 'Class without training rows',
    help: 'Use a stratified split so every class has training rows.',
  },
  'model.no_backend': {
    title: 'No TF.js backend',
    help: 'Train through the Train view or the CLI, which pick a backend; or choose another backend.',
  },
  'model.unknown_kind': { title: 'Unknown model kind', help: 'Choose one of the model kinds the workbench offers.' },
  'model.corrupt': { title: 'Damaged model', help: 'Train the run again to recreate the model.' },
  'model.feature_mismatch': {
    title: 'Wrong number of features',
    help: 'Apply the same fitted preprocessing the model was trained with.',
  },
  'model.non_finite': {
    title: 'Missing or infinite values',
    help: 'Impute missing values and drop infinite ones first.',
  },
  'model.one_class': { title: 'Only one class', help: 'Pick a target with at least two distinct values.' },
  'model.singular': {
    title: 'Features are collinear',
    help: 'Raise the regularisation, or drop constant and duplicated features.',
  },
  'forest.corrupt': { title: 'Damaged random forest', help: 'Train the model again, or restore its stored file.' },
  'forest.invalid_data': { title: 'Data unfit for the forest', help: 'Check the target, the features and the task.' },
  'forest.invalid_params': { title: 'Bad forest parameters', help: 'Set the forest parameters within their ranges.' },
  'forest.platform': { title: 'Unsupported platform', help: 'Use a little-endian device (any common PC or phone).' },
  'forest.version': { title: 'Unknown forest format', help: 'Update the workbench, or train the model again.' },
  'forest.wrong_task': { title: 'Wrong task for the forest', help: 'Use class probabilities only with a classifier.' },
  'optim.non_finite_start': {
    title: 'Training cannot start',
    help: 'Check the data for missing or infinite values and rescale large features.',
  },
  'metrics.bad_class_index': {
    title: 'Bad class index',
    help: 'Pass class indices between 0 and the class count − 1.',
  },
  'metrics.bad_confidence': {
    title: 'Bad confidence level',
    help: 'Use a confidence strictly between 0 and 1, e.g. 0.95.',
  },
  'metrics.bad_count': { title: 'Bad number of trials', help: 'Evaluate on at least one row.' },
  'metrics.bad_curve': { title: 'Bad curve', help: 'Pass at least two points with one y per x.' },
  'metrics.bad_probabilities': {
    title: 'Wrong number of probabilities',
    help: 'Pass one probability per row and class.',
  },
  'metrics.empty': { title: 'No held-out rows', help: 'Make the test split larger.' },
  'metrics.length_mismatch': { title: 'Lengths differ', help: 'Pass one value per held-out row to both inputs.' },
  'metrics.non_finite': {
    title: 'Missing or infinite values',
    help: 'Check the model’s predictions for NaN or infinity.',
  },
  'metrics.proba_not_normalised': { title: 'Probabilities do not sum to 1', help: 'Pass class probabilities per row.' },
  'metrics.too_few_classes': { title: 'Too few classes', help: 'Pass at least two class labels.' },
} as const satisfies AreaEntries<'spec' | 'split' | 'train' | 'model' | 'forest' | 'optim' | 'metrics'>;
