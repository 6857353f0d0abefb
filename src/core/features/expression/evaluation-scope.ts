import type { Column, DataTable } from '../../data/types.ts';
import type { Expr, ExprType } from './ast.ts';
import type { WindowContext } from './window-context.ts';

/** What an evaluation reads besides the expression: the table and, for windows, entity and time. */
export interface EvaluationScope {
  table: DataTable;
  columns: ReadonlyMap<string, Column>;
  types: ReadonlyMap<Expr, ExprType>;
  context: WindowContext;
}
