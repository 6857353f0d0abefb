/**
 * Where a run's time goes on the letter-like table: every phase of
 * `runPipeline` (preprocessing, training, evaluating, …) timed from its
 * progress events, in wall and process-CPU milliseconds (on a shared
 * machine the CPU time is the steadier figure), for the forest and the MLP
 * (typed-array trainer on the WebAssembly SIMD kernel in Node), each with
 * the workbench's defaults.
 *
 * Run: `node --import tsx bench/letter/letter-phases.ts <letter.csv> [forest,mlp] [split.json]`
 * The result (JSON) is the last line on stdout. With `split.json`, the
 * held-out rows of the run (0-based data rows) are written there, so
 * scikit-learn can be scored on the same split (sklearn-mlp.py).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { selectNodeBackend } from '../../src/adapters/tf-backend/node-backend.ts';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../src/core/data/profile/roles.ts';
import type { ClassificationReport } from '../../src/core/metrics/index.ts';
import { defaultPipelineSpec, type ModelKind } from '../../src/core/train/pipeline-spec.ts';
import { runPipeline } from '../../src/core/train/run-pipeline.ts';
import type { MlpSpec } from '../../src/core/models/mlp/mlp-spec.ts';
import { useTypedTrainer } from '../../src/core/models/mlp/train-mlp.ts';
import { wasmDenseKernelFactory } from '../../src/core/models/mlp/dense-wasm.ts';

const [path, kindsArg = 'forest,mlp', splitPath] = process.argv.slice(2);
const { table } = parseCsv(new Uint8Array(readFileSync(path)));
const roles = guessRoles(table);
const schema = table.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const results = [];
for (const kind of kindsArg.split(',') as ModelKind[]) {
  const tf = kind === 'mlp' ? (await selectNodeBackend('wasm')).runtime : null;
  const spec = defaultPipelineSpec('letter', 'letter', kind);
  const wall: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  let phase = 'setup';
  let since = { wall: performance.now(), cpu: cpuNow() };
  let epochs = 0;
  const close = () => {
    const now = { wall: performance.now(), cpu: cpuNow() };
    wall[phase] = (wall[phase] ?? 0) + now.wall - since.wall;
    cpu[phase] = (cpu[phase] ?? 0) + now.cpu - since.cpu;
    since = now;
  };
  const outcome = await runPipeline(table, schema, spec, {
    clock: () => performance.now(),
    tf,
    onProgress: (p) => {
      if (p.kind === 'epoch') epochs = p.report.epoch;
      if (p.kind !== 'phase') return;
      close();
      phase = p.phase;
    },
  });
  close();
  if (splitPath) writeFileSync(splitPath, JSON.stringify({ test: Array.from(outcome.predictions.rows) }));
  const width = schema.filter((c) => c.role === 'feature').length;
  const typed =
    kind === 'mlp' &&
    useTypedTrainer(tf?.backend ?? '', spec.model as MlpSpec, { width, task: 'classification', classCount: 26 });
  const row = {
    kind,
    trainer:
      kind !== 'mlp'
        ? null
        : typed
          ? `typed arrays, ${wasmDenseKernelFactory() ? 'WebAssembly SIMD' : 'JS'} kernel`
          : `TF.js ${tf?.backend}`,
    wall,
    cpu,
    epochs,
    accuracy: (outcome.metrics as ClassificationReport).accuracy,
    importanceSample: outcome.importanceSample,
  };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  results.push(row);
}
console.log(JSON.stringify(results));
