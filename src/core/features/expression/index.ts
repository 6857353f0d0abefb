/**
 * The feature expression language: a small, typed language for derived
 * columns and features, parsed by our own recursive-descent parser and
 * evaluated over typed columns — never as JavaScript. docs/expressions.md
 * describes it for users.
 */
export type { Expr, ExprType, ExpressionError, Span } from './ast.ts';
export { parseExpression, KEYWORDS, type ParseResult } from './parser.ts';
export { checkExpression, exprTypeOf, type CheckOptions, type CheckResult, type SchemaEntry } from './checker.ts';
export {
  compileExpression,
  compileOrThrow,
  describeError,
  type CompileResult,
  type CompiledExpression,
} from './compile.ts';
export { evaluateExpression } from './evaluate.ts';
export { FUNCTIONS, type FunctionInfo, type WindowAggregate } from './functions.ts';
export { checkWindowContext, type WindowContext } from './window-context.ts';
export { parseDateLiteral } from './date-literal.ts';
