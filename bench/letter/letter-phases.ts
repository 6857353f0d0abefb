/**
 * Where a run's time goes on the letter-like table: every phase of
 * `runPipeline` (preprocessing, training, evaluating, …) timed from its
 * progress events, for the forest and the MLP (TF.js wasm in Node).
 *
 * Run: `node --import tsx bench/letter/letter-phases.ts <letter.csv> [forest,mlp]`
 * The result (JSON) is the last line on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../src/core/data/profile/roles.ts';
import type { ClassificationReport } from '../../src/core/metrics/index.ts';
import { defaultPipelineSpec, type ModelKind } from '../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../src/core/train/run-pipeline.ts';

const [path, kindsArg = 'forest,mlp'] = process.argv.slice(2);
const { table } = parseCsv(new Uint8Array(readFileSync(path)));
const roles = guessRoles(table);
const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));

const results = [];
for (const kind of kindsArg.split(',') as ModelKind[]) {
  const tf = kind === 'mlp' ? (await selectNodeBackend('wasm')).runtime : null;
  const spec = defaultPipelineSpec('letter', 'letter', kind);
  const phases: Record<string, number> = {};
  let phase = 'setup';
  let since = performance.now();
  let progressEvents = 0;
  const outcome = await runPipeline(table, schema, spec, {
    clock: () => performance.now(),
    tf,
    onProgress: (p) => {
      progressEvents++;
      if (p.kind !== 'phase') return;
      const now = performance.now();
      phases[phase] = (phases[phase] ?? 0) + now - since;
      phase = p.phase;
      since = now;
    },
  });
  phases[phase] = (phases[phase] ?? 0) + performance.now() - since;
  const m = outcome.metrics as ClassificationReport;
  const row = {
    kind,
    phases,
    trainMs: outcome.trainMs,
    accuracy: m.accuracy,
    progressEvents,
    importance: outcome.importance.slice(0, 3),
  };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  results.push(row);
}
console.log(JSON.stringify(results));
