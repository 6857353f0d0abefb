import { WorkbenchError } from '../../errors.ts';
import type { ColumnSchema, DataTable } from '../types.ts';
import { checkRecipe } from './check-recipe.ts';
import { describeStep, type TransformRecipe } from './recipe.ts';
import { windowContextOf } from './schema-flow.ts';
import type { Stage } from './stage.ts';
import { deduplicate } from './steps/deduplicate.ts';
import { deriveColumn } from './steps/derive-column.ts';
import { dropColumns, renameColumn } from './steps/drop-rename.ts';
import { fillMissing } from './steps/fill-missing.ts';
import { filterRows } from './steps/filter-rows.ts';

/**
 * Applies a recipe to a table whose columns are described by `schema`
 * (names, types, roles). Pure and deterministic: the same table and recipe
 * give the same result, so the same dataset version id. A recipe with any
 * issue is refused as a whole, naming the first.
 *
 * @example
 * applyRecipe(table, schema, { steps: [{ kind: 'filter', expression: 'age >= 18' }] }).table.rowCount
 */
export function applyRecipe(table: DataTable, schema: readonly ColumnSchema[], recipe: TransformRecipe): Stage {
  const checked = checkRecipe(recipe, schema);
  const bad = checked.steps.findIndex((s) => s.issues.length > 0);
  if (bad >= 0) {
    throw new WorkbenchError(
      'transform.invalid',
      `Step ${bad + 1} (${describeStep(recipe.steps[bad])}): ${checked.steps[bad].issues[0].message}. Correct the step and try again.`,
    );
  }
  let stage: Stage = { table, schema: [...schema] };
  recipe.steps.forEach((step, i) => {
    const compiled = checked.steps[i].compiled;
    const context = windowContextOf(stage.schema);
    switch (step.kind) {
      case 'filter':
        stage = filterRows(stage, compiled!, context);
        break;
      case 'derive':
        stage = deriveColumn(stage, step.column, compiled!, context);
        break;
      case 'drop':
        stage = dropColumns(stage, step.columns);
        break;
      case 'rename':
        stage = renameColumn(stage, step.from, step.to);
        break;
      case 'fill':
        stage = fillMissing(stage, step.column, step.method, step.value);
        break;
      case 'deduplicate':
        stage = deduplicate(stage, step.columns);
        break;
    }
  });
  return stage;
}
