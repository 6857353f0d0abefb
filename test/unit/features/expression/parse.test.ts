import { describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../../../../src/core/features/expression/index.ts';

const ast = (text: string): Expr => {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
};
const error = (text: string) => {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`'${text}' parsed`);
  return result.error;
};

/** The tree as a compact Lisp-like string, to check shape and precedence. */
function show(node: Expr): string {
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'duration':
      return `${node.ms}ms`;
    case 'column':
      return node.name;
    case 'list':
      return `[${node.items.map(show).join(' ')}]`;
    case 'unary':
      return `(${node.op} ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(' ')})`;
    case 'case':
      return `case(${node.whens.map((w) => `${show(w.when)}→${show(w.then)}`).join(' ')} else ${node.otherwise ? show(node.otherwise) : '∅'})`;
  }
}

describe('parseExpression', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['a - b - c', '(- (- a b) c)'],
    ['-x * 2', '(* (- x) 2)'],
    ['a > 1 and b < 2 or not c', '(or (and (> a 1) (< b 2)) (not c))'],
    ['a = 1', '(== a 1)'],
    ['x % 2 != 0', '(!= (% x 2) 0)'],
    ['`unit price` * 1.5e2', '(* unit price 150)'],
    ["lower(city) == 'paris'", '(== lower(city) "paris")'],
    ['"it\\"s"', '"it\\"s"'],
    ['mean(amount, 7d) / count(12h)', '(/ mean(amount 604800000ms) count(43200000ms))'],
    ['bucket(age, [18, 30.5, 65])', 'bucket(age [18 30.5 65])'],
    ['if(a, 1, 2)', 'if(a 1 2)'],
    ['CASE WHEN a THEN 1 ELSE 2 END', 'case(a→1 else 2)'],
    ['case when a then "x" when b then "y" end', 'case(a→"x" b→"y" else ∅)'],
    ['TRUE and false', '(and true false)'],
    ['größe_cm / 100', '(/ größe_cm 100)'],
  ])('parses %s', (text, expected) => {
    expect(show(ast(text))).toBe(expected);
  });

  it('records the character range of every node', () => {
    const node = ast('log(x) + `a b`');
    expect(node).toMatchObject({ kind: 'binary', start: 0, end: 14, opSpan: { start: 7, end: 8 } });
    if (node.kind !== 'binary') throw new Error('binary expected');
    expect(node.left).toMatchObject({ kind: 'call', start: 0, end: 6, nameSpan: { start: 0, end: 3 } });
    expect(node.right).toMatchObject({ kind: 'column', name: 'a b', start: 9, end: 14 });
  });

  it.each([
    ['', 0, 0, 'empty'],
    ['age +', 5, 5, 'ends here'],
    ['age + * 2', 6, 7, "before '*'"],
    ['(age + 1', 8, 8, "')' to close the '(' at position 1"],
    ['log(age', 7, 7, "Expected ',' or ')' in the arguments of log"],
    ['age 2', 4, 5, 'operator such as + or and is missing'],
    ["city == 'paris", 8, 14, 'Unclosed string'],
    ['`unit price * 2', 0, 15, 'Unclosed column name'],
    ['a && b', 2, 4, "write 'and'"],
    ['a || b', 2, 4, "write 'or'"],
    ['!a', 0, 1, "write 'not'"],
    ['a < b < c', 6, 7, 'do not chain'],
    ['mean(x, 7w)', 8, 10, 'not a number or a duration'],
    ['mean(x, 0d)', 8, 10, 'longer than zero'],
    ['a # b', 2, 3, "Unexpected character '#'"],
    ['case a then 1 end', 5, 6, "Expected 'when'"],
    ['case when a 1 end', 12, 13, "Expected 'then'"],
    ['case when a then 1', 18, 18, "'when', 'else' or 'end'"],
    ['end + 1', 0, 3, 'keyword'],
    ['[1, 2', 5, 5, "Expected ',' or ']'"],
  ])('rejects %j at %i–%i', (text, start, end, message) => {
    const e = error(text);
    expect(e.message).toContain(message);
    expect([e.start, e.end]).toEqual([start, end]);
  });
});
