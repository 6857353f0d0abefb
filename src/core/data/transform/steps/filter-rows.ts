import { evaluateExpression, type CompiledExpression, type WindowContext } from '../../../features/expression/index.ts';
import type { Stage } from '../stage.ts';
import { rowsWhere, takeRows } from './take-rows.ts';

/**
 * Keeps the rows where the (boolean) expression is true; false and missing
 * rows go. Window aggregations in the condition see all rows, before any is
 * dropped.
 */
export function filterRows(stage: Stage, compiled: CompiledExpression, context: WindowContext | undefined): Stage {
  const keep = evaluateExpression(compiled, stage.table, context);
  if (!('values' in keep)) throw new Error('a filter condition is boolean');
  return { table: takeRows(stage.table, rowsWhere(keep.values)), schema: stage.schema };
}
