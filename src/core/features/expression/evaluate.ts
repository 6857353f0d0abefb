import { WorkbenchError } from '../../errors.ts';
import type { Column, DataTable } from '../../data/types.ts';
import type { Expr, ExprType } from './ast.ts';
import type { CompiledExpression } from './compile.ts';
import { callFunction } from './evaluate-call.ts';
import { chooseRows } from './choose-rows.ts';
import { arithmetic, compareNumbers, comparator, logic } from './numeric-ops.ts';
import { parseDateLiteral } from './date-literal.ts';
import { columnVector, toColumn } from './column-vectors.ts';
import { constant, numeric, stringAt, type NumericVector, type StringVector, type Vector } from './vectors.ts';
import type { EvaluationScope } from './evaluation-scope.ts';
import type { WindowContext } from './window-context.ts';

/**
 * Computes a compiled expression over every row of `table` and returns the
 * result as a typed column named `name` (numbers as 'number', text as
 * 'category'). The tree is walked once and each node works on whole columns
 * (typed arrays), so nothing runs per row in an interpreter loop and no user
 * text ever becomes JavaScript.
 *
 * @example
 * evaluateExpression(compileOrThrow('amount * 2', schema), table) // { name: 'value', type: 'number', values: … }
 */
export function evaluateExpression(
  compiled: CompiledExpression,
  table: DataTable,
  context: WindowContext = {},
  name = 'value',
): Column {
  const columns = new Map(table.columns.map((c) => [c.name, c]));
  for (const needed of compiled.columns) {
    if (!columns.has(needed)) {
      throw new WorkbenchError(
        'expression.column_missing',
        `The expression reads the column '${needed}', which this table does not have. Check the expression against this table's columns.`,
      );
    }
  }
  const vector = evaluateNode(compiled.ast, { table, columns, types: compiled.types, context });
  return toColumn(vector, name);
}

export function evaluateNode(node: Expr, scope: EvaluationScope): Vector {
  const rows = scope.table.rowCount;
  switch (node.kind) {
    case 'number':
      return constant(node.value, rows);
    case 'boolean':
      return constant(node.value, rows);
    case 'string':
      return scope.types.get(node) === 'datetime'
        ? constant(parseDateLiteral(node.value), rows, 'datetime')
        : constant(node.value, rows);
    case 'column':
      return columnVector(scope.columns.get(node.name) as Column);
    case 'unary': {
      const operand = evaluateNode(node.operand, scope) as NumericVector;
      const out = new Float64Array(rows);
      const v = operand.values;
      if (node.op === '-') for (let i = 0; i < rows; i++) out[i] = -v[i];
      else for (let i = 0; i < rows; i++) out[i] = v[i] !== v[i] ? NaN : 1 - v[i];
      return numeric(operand.type, out);
    }
    case 'binary':
      return binary(node, scope);
    case 'case':
      return caseExpression(node, scope);
    case 'call':
      return callFunction(node, scope, (arg) => evaluateNode(arg, scope));
    case 'duration':
    case 'list':
      throw new Error(`a ${node.kind} is evaluated by its function`);
  }
}

function binary(node: Extract<Expr, { kind: 'binary' }>, scope: EvaluationScope): Vector {
  const left = evaluateNode(node.left, scope);
  const right = evaluateNode(node.right, scope);
  if (node.op === 'and' || node.op === 'or') {
    return numeric('boolean', logic(node.op, (left as NumericVector).values, (right as NumericVector).values));
  }
  if (left.type === 'string' || right.type === 'string')
    return numeric('boolean', compareStrings(node.op, left as StringVector, right as StringVector));
  const a = (left as NumericVector).values;
  const b = (right as NumericVector).values;
  if (node.op === '+' || node.op === '-' || node.op === '*' || node.op === '/' || node.op === '%')
    return numeric('number', arithmetic(node.op, a, b));
  return numeric('boolean', compareNumbers(node.op, a, b));
}

function compareStrings(op: Extract<Expr, { kind: 'binary' }>['op'], a: StringVector, b: StringVector): Float64Array {
  const test = comparator<string>(op);
  const out = new Float64Array(a.codes.length);
  for (let r = 0; r < out.length; r++) {
    const x = stringAt(a, r);
    const y = stringAt(b, r);
    out[r] = x === null || y === null ? NaN : test(x, y) ? 1 : 0;
  }
  return out;
}

function caseExpression(node: Extract<Expr, { kind: 'case' }>, scope: EvaluationScope): Vector {
  const conditions = node.whens.map((w) => (evaluateNode(w.when, scope) as NumericVector).values);
  const branches = node.whens.map((w) => evaluateNode(w.then, scope));
  const otherwise = node.otherwise ? evaluateNode(node.otherwise, scope) : null;
  return chooseRows(scope.table.rowCount, scope.types.get(node) as ExprType, conditions, branches, otherwise);
}
