// Module resolve hook for trace-imports.mjs (runs on Node's loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const file = process.env.WORKBENCH_TRACE_IMPORTS;
  if (file) appendFileSync(file, `${result.url}\n`);
  return result;
}
