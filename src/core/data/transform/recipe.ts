/**
 * A transform recipe: the steps that turn a dataset version into a new one.
 * It is plain JSON, stored with the version it made (`DatasetVersion.recipe`),
 * and applying it to the same parent always gives the same table, so the
 * same version id.
 */
export type TransformStep =
  /** Keeps the rows where the expression is true (false or missing: dropped). */
  | { kind: 'filter'; expression: string }
  /** Adds a column computed by the expression, or replaces the column of that name. */
  | { kind: 'derive'; column: string; expression: string }
  | { kind: 'drop'; columns: string[] }
  | { kind: 'rename'; from: string; to: string }
  /** Fills the column's missing cells with a value (text read as the column's type) or a statistic of its present cells. */
  | { kind: 'fill'; column: string; method: FillMethod; value?: string }
  /** Keeps the first of each group of equal rows, compared over `columns` (empty: all columns). */
  | { kind: 'deduplicate'; columns: string[] };

export type FillMethod = 'value' | 'mean' | 'median' | 'mode';
export type StepKind = TransformStep['kind'];

export interface TransformRecipe {
  steps: TransformStep[];
}

export const STEP_KINDS: readonly StepKind[] = ['filter', 'derive', 'drop', 'rename', 'fill', 'deduplicate'];

/**
 * One line per step, for the lineage graph and the versions list.
 *
 * @example
 * describeStep({ kind: 'derive', column: 'age2', expression: 'age * 2' }) // 'derive age2 = age * 2'
 */
export function describeStep(step: TransformStep): string {
  switch (step.kind) {
    case 'filter':
      return `filter ${step.expression}`;
    case 'derive':
      return `derive ${step.column} = ${step.expression}`;
    case 'drop':
      return `drop ${step.columns.join(', ')}`;
    case 'rename':
      return `rename ${step.from} → ${step.to}`;
    case 'fill':
      return `fill ${step.column} with ${step.method === 'value' ? JSON.stringify(step.value ?? '') : step.method}`;
    case 'deduplicate':
      return step.columns.length > 0 ? `deduplicate on ${step.columns.join(', ')}` : 'deduplicate rows';
  }
}

/** The recipe in one line: its steps joined by semicolons. */
export function describeRecipe(recipe: TransformRecipe): string {
  return recipe.steps.map(describeStep).join('; ');
}
