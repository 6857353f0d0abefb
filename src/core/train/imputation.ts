import { DEFAULT_FILL, NUMERIC_IMPUTE, type NumericImpute, type PreprocessingSpec } from './pipeline-spec.ts';

/** The one imputation choice the Train view and `--impute` offer; it sets both kinds of feature. */
export type ImputationChoice = NumericImpute;
export const IMPUTATION_CHOICES = NUMERIC_IMPUTE;

/** What each choice does, for the Train view and the CLI help. */
export const IMPUTATION_LABELS: Record<ImputationChoice, string> = {
  median: 'median (numbers), most frequent (categories)',
  mean: 'mean (numbers), most frequent (categories)',
  most_frequent: 'most frequent value',
  constant: `a constant (numbers), "${DEFAULT_FILL.categorical}" (categories)`,
  drop: 'drop the rows',
};

/**
 * The preprocessing spec with missing feature cells handled by `choice`:
 * numbers by that statistic (or constant `fill`), categories by their most
 * frequent value — or by a constant, or dropped, when that is the choice.
 *
 * @example
 * withImputation(defaultPipelineSpec('id', 'y').preprocessing, 'drop')
 * // { numeric: { impute: 'drop', standardize: true }, categorical: { impute: 'drop' } }
 */
export function withImputation(pre: PreprocessingSpec, choice: ImputationChoice, fill?: number): PreprocessingSpec {
  const numeric: PreprocessingSpec['numeric'] = { impute: choice, standardize: pre.numeric.standardize };
  if (choice === 'constant' && fill !== undefined) numeric.fill = fill;
  const categorical: PreprocessingSpec['categorical'] =
    choice === 'constant' || choice === 'drop' ? { impute: choice } : { impute: 'most_frequent' };
  return { numeric, categorical };
}
