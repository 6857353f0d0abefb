import { WorkbenchError } from '../../errors.ts';
import type { Expr, ExprType, ExpressionError } from './ast.ts';
import { checkExpression, type CheckOptions, type SchemaEntry } from './checker.ts';
import { parseExpression } from './parser.ts';

/** A parsed, type-checked expression, ready for {@link evaluateExpression}. */
export interface CompiledExpression {
  text: string;
  ast: Expr;
  type: ExprType;
  types: ReadonlyMap<Expr, ExprType>;
  columns: string[];
  usesWindow: boolean;
}

export type CompileResult = { ok: true; compiled: CompiledExpression } | { ok: false; errors: ExpressionError[] };

/**
 * Parses and type-checks `text` against `schema`: every error comes back with
 * its character range (a syntax error stops at the first one).
 *
 * @example
 * compileExpression('log(amount + 1)', [{ name: 'amount', type: 'number' }]) // { ok: true, compiled: { type: 'number', … } }
 */
export function compileExpression(
  text: string,
  schema: ReadonlyArray<SchemaEntry>,
  options: CheckOptions = {},
): CompileResult {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const checked = checkExpression(parsed.ast, schema, options);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const { type, types, columns, usesWindow } = checked;
  return { ok: true, compiled: { text, ast: parsed.ast, type, types, columns, usesWindow } };
}

/** {@link compileExpression} for callers without an editor to show errors in: the first error becomes a WorkbenchError. */
export function compileOrThrow(
  text: string,
  schema: ReadonlyArray<SchemaEntry>,
  options: CheckOptions = {},
): CompiledExpression {
  const result = compileExpression(text, schema, options);
  if (result.ok) return result.compiled;
  const first = result.errors[0];
  throw new WorkbenchError(
    'expression.invalid',
    `${describeError(text, first)}. Correct the expression and try again.`,
    {
      details: { errors: result.errors },
    },
  );
}

/** "at 5–9 ('agee'): no column …" — an error with its position (1-based) and the text it points at. */
export function describeError(text: string, error: ExpressionError): string {
  const snippet = text.slice(error.start, error.end);
  const where = error.end > error.start + 1 ? `${error.start + 1}–${error.end}` : `${error.start + 1}`;
  return `In '${text}' at ${where}${snippet ? ` ('${snippet}')` : ''}: ${error.message}`;
}
