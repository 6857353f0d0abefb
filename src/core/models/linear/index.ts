/** Linear models over dense typed arrays: logistic regression (L-BFGS) and ridge (exact). */
export type { ClassificationData, DesignMatrix, RegressionData } from './linear-data.ts';
export {
  decisionLogistic,
  fitLogistic,
  predictLogistic,
  predictProbaLogistic,
  type LogisticModel,
  type LogisticOptions,
} from './logistic-regression.ts';
export { fitRidge, predictRidge, type RidgeModel, type RidgeOptions } from './ridge.ts';
