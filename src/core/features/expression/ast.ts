/**
 * The syntax tree of a feature expression. Every node keeps the character
 * range it was parsed from (`start` inclusive, `end` exclusive) so the type
 * checker and the evaluator can point at the text.
 */
export interface Span {
  start: number;
  end: number;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type Expr =
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'string'; value: string } & Span)
  | ({ kind: 'boolean'; value: boolean } & Span)
  | ({ kind: 'duration'; ms: number; text: string } & Span)
  | ({ kind: 'list'; items: Expr[] } & Span)
  | ({ kind: 'column'; name: string } & Span)
  | ({ kind: 'unary'; op: '-' | 'not'; operand: Expr } & Span)
  | ({ kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; opSpan: Span } & Span)
  | ({ kind: 'call'; name: string; args: Expr[]; nameSpan: Span } & Span)
  | ({ kind: 'case'; whens: Array<{ when: Expr; then: Expr }>; otherwise: Expr | null } & Span);

/** A problem in the text, with the character range it is about. */
export interface ExpressionError extends Span {
  message: string;
}

/** The value types of the language; schema column types map onto them. */
export type ExprType = 'number' | 'boolean' | 'string' | 'datetime';
