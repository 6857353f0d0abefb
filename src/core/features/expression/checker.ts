import type { ColumnType } from '../../data/types.ts';
import type { Expr, ExprType, ExpressionError } from './ast.ts';
import { parseDateLiteral } from './date-literal.ts';
import { FUNCTIONS, functionInfo } from './functions.ts';
import { nearestName } from './suggest.ts';
import { checkWindowContext, type WindowContext } from './window-context.ts';

export type SchemaEntry = { name: string; type: ColumnType };

export type CheckResult =
  | {
      ok: true;
      type: ExprType;
      /** The type of every node; string literals compared with datetimes are typed 'datetime'. */
      types: ReadonlyMap<Expr, ExprType>;
      /** The columns the expression reads, in order of first use. */
      columns: string[];
      /** Whether it has a trailing-window aggregation (needs an entity key and a timestamp). */
      usesWindow: boolean;
    }
  | { ok: false; errors: ExpressionError[] };

export interface CheckOptions {
  /** When given, window aggregations are checked against it. */
  context?: WindowContext;
}

/** The language type a schema column type reads as. */
export function exprTypeOf(type: ColumnType): ExprType {
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean' || type === 'datetime') return type;
  return 'string';
}

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

/**
 * Type-checks a parsed expression against a table schema. It collects every
 * error it can (each with the character range it is about) rather than
 * stopping at the first; an unknown column suggests the nearest name.
 *
 * @example
 * checkExpression(ast('agee * 2'), [{ name: 'age', type: 'integer' }])
 * // { ok: false, errors: [{ message: "no column 'agee' — did you mean 'age'?", start: 0, end: 4 }] }
 */
export function checkExpression(
  ast: Expr,
  schema: ReadonlyArray<SchemaEntry>,
  options: CheckOptions = {},
): CheckResult {
  const checker = new Checker(schema, options);
  const type = checker.check(ast);
  if (checker.errors.length > 0 || type === null) return { ok: false, errors: checker.errors };
  return { ok: true, type, types: checker.types, columns: [...checker.columns], usesWindow: checker.usesWindow };
}

class Checker {
  readonly errors: ExpressionError[] = [];
  readonly types = new Map<Expr, ExprType>();
  readonly columns = new Set<string>();
  usesWindow = false;
  private readonly byName: Map<string, SchemaEntry>;

  constructor(
    private readonly schema: ReadonlyArray<SchemaEntry>,
    private readonly options: CheckOptions,
  ) {
    this.byName = new Map(schema.map((c) => [c.name, c]));
  }

  /** The node's type, or null after reporting an error inside it. */
  check(node: Expr): ExprType | null {
    const type = this.infer(node);
    if (type !== null) this.types.set(node, type);
    return type;
  }

  private infer(node: Expr): ExprType | null {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return node.kind;
      case 'duration':
        return this.error(
          node,
          `A window length such as ${node.text} only goes in count, sum, mean, min or max, e.g. mean(amount, ${node.text})`,
        );
      case 'list':
        return this.error(node, 'A list [ … ] only goes in bucket(x, [edges])');
      case 'column':
        return this.column(node);
      case 'unary': {
        const want: ExprType = node.op === '-' ? 'number' : 'boolean';
        return this.expect(node.operand, want, `'${node.op}' needs a ${want}`) ? want : null;
      }
      case 'binary':
        return this.binary(node);
      case 'case':
        return this.caseExpression(node);
      case 'call':
        return this.call(node);
    }
  }

  private column(node: Extract<Expr, { kind: 'column' }>): ExprType | null {
    const entry = this.byName.get(node.name);
    if (!entry) {
      const suggestion = nearestName(
        node.name,
        this.schema.map((c) => c.name),
      );
      const hint = suggestion
        ? ` — did you mean '${suggestion}'?`
        : ` — the columns are ${listNames(this.schema.map((c) => c.name))}`;
      return this.error(node, `no column '${node.name}'${hint}`);
    }
    this.columns.add(entry.name);
    return exprTypeOf(entry.type);
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): ExprType | null {
    if (node.op === 'and' || node.op === 'or') {
      const left = this.expect(node.left, 'boolean', `'${node.op}' joins conditions`);
      const right = this.expect(node.right, 'boolean', `'${node.op}' joins conditions`);
      return left && right ? 'boolean' : null;
    }
    const left = this.check(node.left);
    const right = this.check(node.right);
    if (left === null || right === null) return null;
    if (ARITHMETIC.has(node.op)) {
      if (left === 'number' && right === 'number') return 'number';
      const hint =
        left === 'datetime' && right === 'datetime' && node.op === '-'
          ? ': use days_between(from, to) for the time between two dates'
          : left === 'string' || right === 'string'
            ? ': text cannot be used in arithmetic'
            : '';
      return this.error(node.opSpan, `'${node.op}' needs two numbers, not ${left} ${node.op} ${right}${hint}`);
    }
    const unified = this.comparable(node.left, left, node.right, right);
    if (unified === null) {
      return this.error(
        node.opSpan,
        `Cannot compare ${left} with ${right}: both sides of '${node.op}' must have the same type`,
      );
    }
    if (unified === 'boolean' && node.op !== '==' && node.op !== '!=') {
      return this.error(node.opSpan, `'${node.op}' does not order true and false: compare booleans with == or !=`);
    }
    return 'boolean';
  }

  /** The common type of two compared sides; a date text beside a datetime reads as a datetime. */
  private comparable(a: Expr, aType: ExprType, b: Expr, bType: ExprType): ExprType | null {
    if (aType === bType) return aType;
    if (aType === 'datetime' && this.asDate(b)) return 'datetime';
    if (bType === 'datetime' && this.asDate(a)) return 'datetime';
    return null;
  }

  private asDate(node: Expr): boolean {
    if (node.kind !== 'string') return false;
    if (Number.isNaN(parseDateLiteral(node.value))) {
      this.error(node, `'${node.value}' is not a date: write dates as '2024-01-31' or '2024-01-31T08:00:00Z'`);
      return true;
    }
    this.types.set(node, 'datetime');
    return true;
  }

  private caseExpression(node: Extract<Expr, { kind: 'case' }>): ExprType | null {
    let ok = true;
    for (const { when } of node.whens) ok = this.expect(when, 'boolean', `'when' needs a condition`) && ok;
    const branches = [...node.whens.map((w) => w.then), ...(node.otherwise ? [node.otherwise] : [])];
    const type = this.unify(branches, `the branches of case`);
    return ok ? type : null;
  }

  /** One type for values that must agree (if, case, coalesce), or null after an error. */
  private unify(nodes: Expr[], what: string): ExprType | null {
    const types = nodes.map((n) => this.check(n));
    if (types.some((t) => t === null)) return null;
    const first = types[0] as ExprType;
    for (let i = 1; i < nodes.length; i++) {
      const t = types[i] as ExprType;
      if (t === first) continue;
      if (first === 'datetime' && this.asDate(nodes[i])) continue;
      return this.error(nodes[i], `${what} must all have one type: this is ${t}, the first is ${first}`);
    }
    return first;
  }

  private call(node: Extract<Expr, { kind: 'call' }>): ExprType | null {
    const info = functionInfo(node.name.toLowerCase());
    if (!info) {
      const suggestion = nearestName(node.name, Object.keys(FUNCTIONS));
      const hint = suggestion ? ` — did you mean '${suggestion}'?` : '; see the list of functions in the help';
      return this.error(node.nameSpan, `no function '${node.name}'${hint}`);
    }
    const { signature, usage } = info;
    const args = node.args;
    const arity = (min: number, max = min): boolean => {
      if (args.length >= min && args.length <= max) return true;
      this.error(
        node,
        `${usage}: ${node.name} takes ${min === max ? min : `${min} or ${max}`} argument${max > 1 ? 's' : ''}, not ${args.length}`,
      );
      return false;
    };
    switch (signature.kind) {
      case 'fixed': {
        if (!arity(signature.params.length - signature.optional, signature.params.length)) return null;
        let ok = true;
        args.forEach((arg, i) => (ok = this.expect(arg, signature.params[i], usage) && ok));
        return ok ? signature.returns : null;
      }
      case 'if': {
        if (!arity(3)) return null;
        const cond = this.expect(args[0], 'boolean', `the first argument of ${usage} is a condition`);
        const type = this.unify(args.slice(1), 'the two values of if');
        return cond ? type : null;
      }
      case 'coalesce':
        return arity(2, Infinity) ? this.unify(args, 'the values of coalesce') : null;
      case 'is_missing':
        return arity(1) && this.check(args[0]) !== null ? 'boolean' : null;
      case 'bucket':
        return arity(2) && this.bucket(args[0], args[1]) ? 'number' : null;
      case 'window':
        return this.windowCall(node, signature.aggregate, usage);
    }
  }

  private bucket(value: Expr, edges: Expr): boolean {
    const ok = this.expect(value, 'number', 'bucket(x, [edges])');
    if (edges.kind !== 'list' || edges.items.length === 0) {
      this.error(edges, 'The second argument of bucket is a list of edges, e.g. [18, 30, 65]');
      return false;
    }
    let previous = -Infinity;
    for (const item of edges.items) {
      const edge = literalNumber(item);
      if (edge === null) return this.error(item, 'A bucket edge is a number written out, e.g. 18 or -2.5') !== null;
      if (edge <= previous) return this.error(item, 'Bucket edges must increase from left to right') !== null;
      this.types.set(item, 'number');
      previous = edge;
    }
    this.types.set(edges, 'number');
    return ok;
  }

  private windowCall(node: Extract<Expr, { kind: 'call' }>, aggregate: string, usage: string): ExprType | null {
    const args = node.args;
    const min = aggregate === 'count' ? 1 : 2;
    if (args.length < min || args.length > 2)
      return this.error(node, `${usage}: a value and a window length such as 7d or 12h`);
    const duration = args[args.length - 1];
    if (duration.kind !== 'duration')
      return this.error(duration, `The last argument of ${aggregate} is the window length, e.g. 7d or 12h`);
    this.types.set(duration, 'number');
    if (args.length === 2) {
      const type = this.check(args[0]);
      if (type === null) return null;
      if (aggregate !== 'count' && type !== 'number' && type !== 'boolean') {
        return this.error(args[0], `${aggregate} needs numbers (or booleans, counted as 1 and 0), not ${type}`);
      }
    }
    this.usesWindow = true;
    if (this.options.context) {
      const problem = checkWindowContext(this.options.context, this.schema);
      if (problem) return this.error(node, problem);
    }
    return 'number';
  }

  private expect(node: Expr, want: ExprType, what: string): boolean {
    const type = this.check(node);
    if (type === null) return false;
    if (type === want || (want === 'datetime' && this.asDate(node))) return true;
    this.error(node, `${what}: expected ${article(want)}, got ${article(type)}`);
    return false;
  }

  private error(span: { start: number; end: number }, message: string): null {
    this.errors.push({ message, start: span.start, end: span.end });
    return null;
  }
}

function literalNumber(node: Expr): number | null {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary' && node.op === '-' && node.operand.kind === 'number') return -node.operand.value;
  return null;
}

const article = (type: ExprType): string =>
  type === 'number' ? 'a number' : type === 'datetime' ? 'a datetime' : `a ${type}`;

function listNames(names: string[]): string {
  const shown = names.slice(0, 8).map((n) => `'${n}'`);
  return names.length > 8 ? `${shown.join(', ')}, …` : shown.join(', ') || 'none';
}
