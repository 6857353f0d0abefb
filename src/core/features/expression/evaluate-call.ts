import { WorkbenchError } from '../../errors.ts';
import type { Column } from '../../data/types.ts';
import type { Expr, ExprType } from './ast.ts';
import { dateParts } from './date-parts.ts';
import { entityGroups } from './entity-groups.ts';
import { chooseRows } from './choose-rows.ts';
import type { EvaluationScope } from './evaluation-scope.ts';
import { functionInfo, type WindowAggregate } from './functions.ts';
import { bucketIndex, mapValues, roundTo } from './numeric-ops.ts';
import { stringFunction } from './string-functions.ts';
import { checkWindowContext } from './window-context.ts';
import { windowAggregate } from './window-aggregate.ts';
import { missingAt, numeric, type NumericVector, type Vector } from './vectors.ts';

type Call = Extract<Expr, { kind: 'call' }>;

const MATH: Readonly<Record<string, (x: number) => number>> = {
  log: (x) => (x > 0 ? Math.log(x) : NaN),
  exp: Math.exp,
  sqrt: (x) => (x >= 0 ? Math.sqrt(x) : NaN),
  abs: Math.abs,
};

/** Evaluates a function call over whole columns (the checker has already vetted names, arity and types). */
export function callFunction(node: Call, scope: EvaluationScope, evaluate: (node: Expr) => Vector): Vector {
  const name = node.name.toLowerCase();
  const rows = scope.table.rowCount;
  const arg = (i: number): Vector => evaluate(node.args[i]);
  const num = (i: number): Float64Array => (arg(i) as NumericVector).values;
  if (Object.hasOwn(MATH, name)) return numeric('number', mapValues(num(0), MATH[name]));
  switch (name) {
    case 'if':
      return chooseRows(rows, typeOf(node, scope), [num(0)], [arg(1)], arg(2));
    case 'coalesce':
      return coalesce(node, scope, evaluate);
    case 'is_missing': {
      const v = arg(0);
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) out[r] = missingAt(v, r) ? 1 : 0;
      return numeric('boolean', out);
    }
    case 'round': {
      const x = num(0);
      const digits = node.args.length > 1 ? num(1) : new Float64Array(rows);
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) out[r] = roundTo(x[r], digits[r]);
      return numeric('number', out);
    }
    case 'clip': {
      const [x, lo, hi] = [num(0), num(1), num(2)];
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) out[r] = lo[r] > hi[r] ? NaN : Math.min(Math.max(x[r], lo[r]), hi[r]);
      return numeric('number', out);
    }
    case 'bucket': {
      const list = node.args[1] as Extract<Expr, { kind: 'list' }>;
      const edges = list.items.map((item) =>
        item.kind === 'number' ? item.value : -(item as { operand: { value: number } }).operand.value,
      );
      return numeric(
        'number',
        mapValues(num(0), (x) => bucketIndex(x, edges)),
      );
    }
    case 'days_between': {
      const [from, to] = [num(0), num(1)];
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) out[r] = (to[r] - from[r]) / 86_400_000;
      return numeric('number', out);
    }
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'weekday':
      return numeric('number', dateParts(name, num(0)));
  }
  const info = functionInfo(name);
  if (info?.signature.kind === 'window') return windowCall(node, info.signature.aggregate, scope, evaluate);
  return stringFunction(
    name,
    node.args.map((_, i) => arg(i)),
    rows,
  );
}

function typeOf(node: Expr, scope: EvaluationScope): ExprType {
  return scope.types.get(node) as ExprType;
}

function coalesce(node: Call, scope: EvaluationScope, evaluate: (node: Expr) => Vector): Vector {
  const values = node.args.map(evaluate);
  const rows = scope.table.rowCount;
  // A chain of "is present" conditions: the first present value wins.
  const conditions = values.map((v) => {
    const present = new Float64Array(rows);
    for (let r = 0; r < rows; r++) present[r] = missingAt(v, r) ? 0 : 1;
    return present;
  });
  return chooseRows(rows, typeOf(node, scope), conditions, values, null);
}

function windowCall(
  node: Call,
  aggregate: WindowAggregate,
  scope: EvaluationScope,
  evaluate: (node: Expr) => Vector,
): Vector {
  const { context, table } = scope;
  const problem = checkWindowContext(context, table.columns);
  if (problem)
    throw new WorkbenchError(
      'expression.window_context',
      `${problem} (in ${node.name}(…) at position ${node.start + 1}).`,
    );
  const keys = (context.entityKey as string[]).map((k) => scope.columns.get(k) as Column);
  const time = scope.columns.get(context.timestamp as string) as Column & { values: Float64Array };
  const duration = node.args[node.args.length - 1] as Extract<Expr, { kind: 'duration' }>;
  let values: Float64Array | null = null;
  if (node.args.length === 2) {
    const v = evaluate(node.args[0]);
    if (v.type === 'string') {
      // count(text, 7d): only presence matters.
      values = new Float64Array(table.rowCount);
      for (let r = 0; r < values.length; r++) values[r] = v.codes[r] < 0 ? NaN : 1;
    } else values = v.values;
  }
  const groups = entityGroups(keys, table.rowCount);
  return numeric('number', windowAggregate(aggregate, values, groups, time.values, duration.ms));
}
