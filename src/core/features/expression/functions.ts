import type { ExprType } from './ast.ts';

/** How the checker treats a function's arguments. */
export type Signature =
  | { kind: 'fixed'; params: ExprType[]; optional: number; returns: ExprType }
  | { kind: 'if' | 'coalesce' | 'is_missing' | 'bucket' }
  | { kind: 'window'; aggregate: WindowAggregate };

export type WindowAggregate = 'count' | 'sum' | 'mean' | 'min' | 'max';

export interface FunctionInfo {
  signature: Signature;
  /** How it is called, for error messages and the help list. */
  usage: string;
  help: string;
}

const fixed = (params: ExprType[], returns: ExprType, optional = 0): Signature => ({
  kind: 'fixed',
  params,
  optional,
  returns,
});
const num = (usage: string, help: string): FunctionInfo => ({ signature: fixed(['number'], 'number'), usage, help });
const datePart = (usage: string, help: string): FunctionInfo => ({
  signature: fixed(['datetime'], 'number'),
  usage,
  help,
});
const trailing = (aggregate: WindowAggregate, help: string): FunctionInfo => ({
  signature: { kind: 'window', aggregate },
  usage: aggregate === 'count' ? 'count(7d) or count(x, 7d)' : `${aggregate}(x, 7d)`,
  help,
});

/**
 * Every function of the expression language. The checker, the evaluator and
 * the documentation (docs/expressions.md) follow this list.
 */
export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = {
  if: { signature: { kind: 'if' }, usage: 'if(condition, a, b)', help: 'a where the condition holds, else b' },
  coalesce: {
    signature: { kind: 'coalesce' },
    usage: 'coalesce(x, fallback)',
    help: 'x, or fallback where x is missing',
  },
  is_missing: { signature: { kind: 'is_missing' }, usage: 'is_missing(x)', help: 'true where x has no value' },
  log: num('log(x)', 'natural logarithm; missing for x ≤ 0'),
  exp: num('exp(x)', 'e to the power x'),
  sqrt: num('sqrt(x)', 'square root; missing for x < 0'),
  abs: num('abs(x)', 'absolute value'),
  round: {
    signature: fixed(['number', 'number'], 'number', 1),
    usage: 'round(x) or round(x, digits)',
    help: 'rounded, halves away from zero',
  },
  clip: {
    signature: fixed(['number', 'number', 'number'], 'number'),
    usage: 'clip(x, low, high)',
    help: 'x limited to [low, high]',
  },
  lower: { signature: fixed(['string'], 'string'), usage: 'lower(s)', help: 'lower-case text' },
  upper: { signature: fixed(['string'], 'string'), usage: 'upper(s)', help: 'upper-case text' },
  length: { signature: fixed(['string'], 'number'), usage: 'length(s)', help: 'number of characters' },
  contains: {
    signature: fixed(['string', 'string'], 'boolean'),
    usage: 'contains(s, part)',
    help: 'true where s contains part',
  },
  year: datePart('year(t)', 'calendar year (UTC)'),
  month: datePart('month(t)', 'month 1–12 (UTC)'),
  day: datePart('day(t)', 'day of the month 1–31 (UTC)'),
  hour: datePart('hour(t)', 'hour 0–23 (UTC)'),
  weekday: datePart('weekday(t)', 'ISO weekday: 1 = Monday … 7 = Sunday (UTC)'),
  days_between: {
    signature: fixed(['datetime', 'datetime'], 'number'),
    usage: 'days_between(from, to)',
    help: 'days from the first to the second time (fractional)',
  },
  bucket: {
    signature: { kind: 'bucket' },
    usage: 'bucket(x, [e1, e2, …])',
    help: '0 below e1, i from e_i up to e_(i+1), n from the last edge up',
  },
  count: trailing('count', 'rows of the same entity in the trailing window (with x: rows where x has a value)'),
  sum: trailing('sum', 'sum of x over the entity’s trailing window'),
  mean: trailing('mean', 'mean of x over the entity’s trailing window'),
  min: trailing('min', 'smallest x in the entity’s trailing window'),
  max: trailing('max', 'largest x in the entity’s trailing window'),
};

export function functionInfo(name: string): FunctionInfo | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
