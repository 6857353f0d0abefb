import type { BinaryOperator, Expr, ExpressionError } from './ast.ts';
import { DURATION_UNITS, tokenize, type Token } from './tokenizer.ts';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExpressionError };

/** Words with a meaning of their own; a column with one of these names is written in backticks. */
export const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'case', 'when', 'then', 'else', 'end']);

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

class ParseError extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message);
  }
}

/**
 * Parses expression text into a syntax tree by recursive descent. Nothing is
 * ever run as JavaScript: the tree is all the evaluator sees.
 *
 * Precedence, loosest first: or, and, not, comparison (not chained),
 * + -, * / %, unary minus, then literals, names, calls, case and brackets.
 *
 * @example
 * parseExpression('if(age >= 18, "adult", "minor")') // { ok: true, ast: { kind: 'call', name: 'if', … } }
 * parseExpression('age +') // { ok: false, error: { message: 'Expected a value…', start: 5, end: 5 } }
 */
export function parseExpression(text: string): ParseResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  if (lexed.tokens.length === 1) {
    return {
      ok: false,
      error: {
        message: 'The expression is empty: write a column name, a value or a formula',
        start: 0,
        end: text.length,
      },
    };
  }
  const parser = new Parser(lexed.tokens);
  try {
    const ast = parser.expression();
    parser.expectEnd();
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.detail };
    throw error;
  }
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(): Expr {
    return this.or();
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end')
      this.fail(token, `Unexpected ${describe(token)}: an operator such as + or and is missing before it`);
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) left = this.binary('or', left, () => this.and());
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) left = this.binary('and', left, () => this.not());
    return left;
  }

  private not(): Expr {
    if (!this.isWord('not')) return this.comparison();
    const token = this.next();
    const operand = this.not();
    return { kind: 'unary', op: 'not', operand, start: token.start, end: operand.end };
  }

  private comparison(): Expr {
    const left = this.additive();
    const token = this.peek();
    if (token.kind !== 'op' || !COMPARISONS.has(token.text)) return left;
    const node = this.binary(token.text as BinaryOperator, left, () => this.additive());
    const after = this.peek();
    if (after.kind === 'op' && COMPARISONS.has(after.text)) {
      this.fail(after, `Comparisons do not chain: write 'a < b and b < c' instead of 'a < b < c'`);
    }
    return node;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-'))
      left = this.binary(this.peek().text as BinaryOperator, left, () => this.multiplicative());
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      left = this.binary(this.peek().text as BinaryOperator, left, () => this.unary());
    }
    return left;
  }

  private unary(): Expr {
    if (!this.isOp('-')) return this.primary();
    const token = this.next();
    const operand = this.unary();
    return { kind: 'unary', op: '-', operand, start: token.start, end: operand.end };
  }

  private binary(op: BinaryOperator, left: Expr, right: () => Expr): Expr {
    const token = this.next();
    const rhs = right();
    return {
      kind: 'binary',
      op,
      left,
      right: rhs,
      opSpan: { start: token.start, end: token.end },
      start: left.start,
      end: rhs.end,
    };
  }

  private primary(): Expr {
    const token = this.peek();
    const { start, end } = token;
    switch (token.kind) {
      case 'number':
        this.next();
        return { kind: 'number', value: Number(token.text), start, end };
      case 'duration': {
        this.next();
        const unit = /[a-z]+$/i.exec(token.text)?.[0] ?? '';
        const ms = Number(token.text.slice(0, token.text.length - unit.length)) * DURATION_UNITS[unit];
        if (!(ms > 0)) this.fail(token, `A window must be longer than zero, e.g. 7d or 12h`);
        return { kind: 'duration', ms, text: token.text, start, end };
      }
      case 'string':
        this.next();
        return { kind: 'string', value: token.text, start, end };
      case 'quoted':
        this.next();
        if (token.text === '') this.fail(token, 'Empty column name: write the name between the backticks');
        return { kind: 'column', name: token.text, start, end };
      case 'name':
        return this.name(token);
      case 'op':
        if (token.text === '(') return this.bracketed();
        if (token.text === '[') return this.list();
        return this.fail(token, `Expected a value, a column or a function before ${describe(token)}`);
      case 'end':
        return this.fail(token, 'Expected a value, a column or a function, but the expression ends here');
    }
  }

  private name(token: Token): Expr {
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') {
      this.next();
      return { kind: 'boolean', value: word === 'true', start: token.start, end: token.end };
    }
    if (word === 'case') return this.caseExpression();
    if (KEYWORDS.has(word)) {
      return this.fail(
        token,
        `'${token.text}' is a keyword and cannot be used here; a column with this name is written \`${token.text}\``,
      );
    }
    this.next();
    if (!this.isOp('(')) return { kind: 'column', name: token.text, start: token.start, end: token.end };
    this.next();
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      do args.push(this.expression());
      while (this.accept(','));
    }
    const close = this.expect(')', `Expected ',' or ')' in the arguments of ${token.text}(…)`);
    return {
      kind: 'call',
      name: token.text,
      args,
      nameSpan: { start: token.start, end: token.end },
      start: token.start,
      end: close.end,
    };
  }

  private caseExpression(): Expr {
    const first = this.next();
    const whens: Array<{ when: Expr; then: Expr }> = [];
    while (this.isWord('when')) {
      this.next();
      const when = this.expression();
      if (!this.isWord('then')) this.fail(this.peek(), `Expected 'then' after the condition of 'when'`);
      this.next();
      whens.push({ when, then: this.expression() });
    }
    if (whens.length === 0)
      this.fail(this.peek(), `Expected 'when' after 'case': case when <condition> then <value> … else <value> end`);
    let otherwise: Expr | null = null;
    if (this.isWord('else')) {
      this.next();
      otherwise = this.expression();
    }
    if (!this.isWord('end')) this.fail(this.peek(), `Expected 'when', 'else' or 'end' to close the case`);
    const last = this.next();
    return { kind: 'case', whens, otherwise, start: first.start, end: last.end };
  }

  private bracketed(): Expr {
    const open = this.next();
    const inner = this.expression();
    const close = this.expect(')', `Expected ')' to close the '(' at position ${open.start + 1}`);
    return { ...inner, start: open.start, end: close.end } as Expr;
  }

  private list(): Expr {
    const open = this.next();
    const items: Expr[] = [];
    if (!this.isOp(']')) {
      do items.push(this.expression());
      while (this.accept(','));
    }
    const close = this.expect(']', `Expected ',' or ']' in the list`);
    return { kind: 'list', items, start: open.start, end: close.end };
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    const token = this.tokens[this.at];
    if (token.kind !== 'end') this.at++;
    return token;
  }

  private isOp(op: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === op;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.kind === 'name' && token.text.toLowerCase() === word;
  }

  private accept(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  private expect(op: string, message: string): Token {
    if (!this.isOp(op)) this.fail(this.peek(), message);
    return this.next();
  }

  private fail(token: Token, message: string): never {
    throw new ParseError({ message, start: token.start, end: token.end });
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'string':
      return `the text '${token.text}'`;
    case 'quoted':
      return `the column \`${token.text}\``;
    default:
      return `'${token.text}'`;
  }
}
