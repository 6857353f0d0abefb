/**
 * The "expressions" part of `npm run bench` (issue 11): our column-wise
 * expression evaluator against Arquero's derive on the same 1,000,000-row
 * table, per kind of operation, in CPU time. The table is printed by the
 * script itself (node-expressions.ts); the decision it supports is written
 * in src/core/features/expression/evaluate.ts.
 */

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function expressionsPart({ results, quick, nodeScript }) {
  console.error(`\nExpressions in Node${quick ? ' (quick: 100,000 rows)' : ''}…`);
  results.expressions = nodeScript('expressions/node-expressions.ts', [
    '--rows',
    String(quick ? 100_000 : 1_000_000),
    '--runs',
    quick ? '1' : '3',
  ]);
}
