import { evaluateExpression, type CompiledExpression, type WindowContext } from '../../../features/expression/index.ts';
import type { Stage } from '../stage.ts';

/** Adds the computed column at the end, or replaces the column of the same name in place (its role kept). */
export function deriveColumn(
  stage: Stage,
  name: string,
  compiled: CompiledExpression,
  context: WindowContext | undefined,
): Stage {
  const column = evaluateExpression(compiled, stage.table, context, name);
  const at = stage.table.columns.findIndex((c) => c.name === name);
  const columns = stage.table.columns.slice();
  const schema = stage.schema.slice();
  if (at < 0) {
    columns.push(column);
    schema.push({ name, type: column.type, role: 'feature' });
  } else {
    columns[at] = column;
    schema[at] = { ...schema[at], type: column.type };
  }
  return { table: { rowCount: stage.table.rowCount, columns }, schema };
}
