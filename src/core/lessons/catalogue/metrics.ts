import { classificationRun, savedVersions } from '../checks.ts';
import type { Lesson } from '../lesson-types.ts';

/** Accuracy, precision, recall and F1, computed from the learner's own confusion matrix. */
export const METRICS: Lesson = {
  id: 'metrics',
  title: 'Metrics: accuracy, precision, recall, F1',
  summary: 'Read the four classification metrics off the confusion matrix of your own latest run.',
  explanation: [
    'A classifier is judged on rows it never saw in training. The confusion matrix counts, for every actual class, how often the model predicted each class; every metric here is a ratio of those counts.',
    'For one class, a true positive (TP) is a row of that class predicted as it, a false positive (FP) a row of another class predicted as it, and a false negative (FN) a row of that class predicted as something else. With more than two classes each class is scored against the rest, and the macro average counts every class once, however rare.',
  ],
  points: [
    { term: 'Accuracy', meaning: 'The share of all predictions that were right; misleading when one class dominates.' },
    {
      term: 'Precision',
      meaning: 'Of the rows predicted as the class, the share that really were: how much to trust a "yes".',
    },
    { term: 'Recall', meaning: 'Of the rows really in the class, the share the model found: how much it misses.' },
    { term: 'F1', meaning: 'The harmonic mean of precision and recall: high only when both are.' },
  ],
  steps: [
    {
      id: 'version',
      title: 'Save a classification dataset',
      how: 'In Data, load the Palmer penguins or Iris sample and press "Save version".',
      area: 'data',
      check: savedVersions(1),
    },
    {
      id: 'train',
      title: 'Train a classifier',
      how: 'In Train, press "Train"; the formulas below then fill with the latest run\'s numbers.',
      area: 'train',
      check: classificationRun,
    },
  ],
  showsMetrics: true,
};
