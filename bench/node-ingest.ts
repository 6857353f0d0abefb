/**
 * CSV ingest in Node: the same contenders and bytes as the browser worker.
 * Run: `node --expose-gc --import tsx bench/node-ingest.ts <file.csv> [--runs 3] [--only a,b]`
 * Progress goes to stderr; the result (JSON) is the last line on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { INGEST_CASES, runIngest } from './ingest-cases.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const bytes = new Uint8Array(readFileSync(args[0]));
const gc = (globalThis as { gc?: () => void }).gc;
const samples = await runIngest(bytes, {
  runs: Number(option('--runs') ?? 3),
  now: () => performance.now(),
  gc,
  only: option('--only')?.split(','),
  onSample: (s) => process.stderr.write(`  node ${s.id} run ${s.run}: ${(s.ms / 1000).toFixed(2)} s\n`),
});
const cases = INGEST_CASES.map(({ id, label, typed }) => ({ id, label, typed }));
console.log(JSON.stringify({ bytes: bytes.byteLength, node: process.version, cases, samples }));
