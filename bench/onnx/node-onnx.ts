/**
 * ONNX Runtime against the workbench's own predictor (issue 13, Tests and
 * performance): trains a random forest (100 trees, the default) on a
 * generated 10,000-row, 3-class set with 8 numbers and one category, exports
 * it as ONNX, then scores 100,000 generated rows
 * - with the workbench's serving path (preprocessing + the forest's own
 *   predictor, as scoreTable does, in batches of 4,096), and
 * - with onnxruntime-node on the exported model (raw columns in, the
 *   preprocessing inside the graph), in batches of 4,096, on one intra-op
 *   thread and on ONNX Runtime's default (one per core).
 * Each contender runs 3 times; the median is reported, with `uptime` before
 * and after since the machine is shared. The outputs are checked to agree.
 *
 * Run: `node --import tsx bench/onnx/node-onnx.ts [--quick]`
 * Progress on stderr; the result (JSON) is the last line on stdout.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { guessRoles } from '../../src/core/data/profile/roles.ts';
import { cellText, isNumericColumn, type DataTable } from '../../src/core/data/types.ts';
import { exportOnnx, pipelineSpecHash } from '../../src/core/export/onnx/index.ts';
import { seededRng, type Rng } from '../../src/core/random/rng.ts';
import { defaultPipelineSpec } from '../../src/core/train/pipeline-spec.ts';
import { transform } from '../../src/core/train/preprocess.ts';
import { runPipeline } from '../../src/core/train/run-pipeline.ts';
import { openPredictor } from '../../src/core/train/train-model.ts';

const quick = process.argv.includes('--quick');
const TRAIN_ROWS = quick ? 2_000 : 10_000;
const ROWS = quick ? 20_000 : 100_000;
const BATCH = 4096;
const RUNS = quick ? 1 : 3;
const FEATURES = 8;
const log = (line: string) => process.stderr.write(`${line}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

function table(rows: number, rng: Rng): DataTable {
  const header = [...Array.from({ length: FEATURES }, (_, j) => `x${j}`), 'region', 'label'];
  const lines = [header.join(',')];
  const regions = ['north', 'south', 'east', 'west'];
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: FEATURES }, () => rng() * 2 - 1);
    const region = Math.floor(rng() * 4);
    const score = x[0] + 0.8 * x[1] - 0.6 * x[2] + 0.4 * region - 0.6 + (rng() - 0.5) * 0.8;
    const label = score < -0.4 ? 'low' : score < 0.4 ? 'mid' : 'high';
    lines.push([...x.map((v) => v.toFixed(4)), regions[region], label].join(','));
  }
  return parseCsv(new TextEncoder().encode(lines.join('\n'))).table;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function main(): Promise<void> {
  const before = uptime();
  const rng = seededRng(2026);
  const train = table(TRAIN_ROWS, rng);
  const roles = guessRoles(train);
  const schema = train.columns.map((c) => ({ name: c.name, type: c.type, role: roles[c.name] }));
  const spec = defaultPipelineSpec('bench', 'label', 'forest');
  log(`Training a forest on ${TRAIN_ROWS.toLocaleString('en')} rows…`);
  const outcome = await runPipeline(train, schema, spec, { clock: () => performance.now() });
  const bytes = exportOnnx({
    version: {
      id: 'bench@1',
      modelName: 'bench',
      version: 1,
      datasetVersionId: 'bench',
      modelKind: 'forest',
      signature: {
        inputs: outcome.features.map((name) => ({
          name,
          type: schema.find((c) => c.name === name)!.type,
          role: 'feature',
        })),
        target: { name: 'label', type: 'category', labels: outcome.labels },
        task: 'classification',
      },
    },
    preprocessor: outcome.preprocessor,
    artifact: outcome.model,
    specHash: pipelineSpecHash(spec),
    producerVersion: 'bench',
  });
  const data = table(ROWS, rng);
  const pre = outcome.preprocessor;
  const batches: Int32Array[] = [];
  for (let start = 0; start < ROWS; start += BATCH)
    batches.push(Int32Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, i) => start + i));

  const predictor = await openPredictor(outcome.model, pre.outputNames.length);
  const own = new Float64Array(ROWS * outcome.labels.length);
  const ownMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (const rows of batches)
      own.set(await predictor.predict(transform(pre, data, rows).x, rows.length), rows[0] * 3);
    ownMs.push(performance.now() - t0);
  }
  log(`workbench predictor: ${Math.round(median(ownMs))} ms`);

  // Inputs are built outside the timing: a server receives them already as tensors.
  const feeds = batches.map((rows) => {
    const out: Record<string, ort.Tensor> = {};
    for (const step of pre.steps) {
      const column = data.columns.find((c) => c.name === step.name)!;
      out[step.name] = isNumericColumn(column)
        ? new ort.Tensor(
            'float64',
            Float64Array.from(rows, (r) => column.values[r]),
            [rows.length, 1],
          )
        : new ort.Tensor(
            'string',
            Array.from(rows, (r) => cellText(column, r)),
            [rows.length, 1],
          );
    }
    return out;
  });
  const ortRuns: { threads: string; ms: number; maxDiff: number }[] = [];
  for (const threads of [1, 0]) {
    const session = await ort.InferenceSession.create(bytes, threads ? { intraOpNumThreads: threads } : {});
    const times: number[] = [];
    let maxDiff = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const results = [];
      for (const feed of feeds) results.push(await session.run(feed));
      times.push(performance.now() - t0);
      results.forEach((r, b) => {
        const p = r.probabilities.data as Float64Array;
        for (let i = 0; i < p.length; i++) maxDiff = Math.max(maxDiff, Math.abs(p[i] - own[b * BATCH * 3 + i]));
      });
    }
    await session.release();
    ortRuns.push({ threads: threads ? String(threads) : 'default', ms: median(times), maxDiff });
    log(`ONNX Runtime (${threads || 'default'} threads): ${Math.round(median(times))} ms, max |Δp| ${maxDiff}`);
  }
  const result = {
    node: process.version,
    ort: ort.env.versions.common,
    trainRows: TRAIN_ROWS,
    rows: ROWS,
    trees: 100,
    onnxBytes: bytes.length,
    workbench: { ms: median(ownMs), rowsPerSecond: ROWS / (median(ownMs) / 1000) },
    onnxRuntime: ortRuns.map((r) => ({ ...r, rowsPerSecond: ROWS / (r.ms / 1000) })),
    uptime: { before, after: uptime() },
  };
  console.log(JSON.stringify(result));
}

await main();
