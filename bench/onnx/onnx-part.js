/**
 * The "onnx" part of `npm run bench` (issue 13): ONNX Runtime's throughput
 * on the exported forest next to the workbench's own predictor
 * (node-onnx.ts), with the machine's load (`uptime`) before and after.
 */
import { fixed, printTable } from '../lib/table.js';

const perSec = (n) => Math.round(n).toLocaleString('en');

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function onnxPart({ results, quick, nodeScript }) {
  console.error(`\nONNX Runtime vs the workbench's forest predictor${quick ? ' (quick)' : ''}…`);
  const r = nodeScript('onnx/node-onnx.ts', quick ? ['--quick'] : []);
  results.onnx = r;
  printTable(
    `Forest (${r.trees} trees, trained on ${r.trainRows.toLocaleString('en')} rows) scoring ${r.rows.toLocaleString('en')} rows in Node ${r.node}; ONNX Runtime ${r.ort}, model ${fixed(r.onnxBytes / 1048576, 1)} MiB`,
    ['predictor', 'time', 'rows/s', 'max |Δ probability| vs workbench'],
    [
      [
        'workbench (preprocess + forest)',
        `${fixed(r.workbench.ms / 1000, 2)} s`,
        perSec(r.workbench.rowsPerSecond),
        '—',
      ],
      ...r.onnxRuntime.map((o) => [
        `ONNX Runtime, ${o.threads} thread(s)`,
        `${fixed(o.ms / 1000, 2)} s`,
        perSec(o.rowsPerSecond),
        o.maxDiff.toExponential(1),
      ]),
    ],
  );
  console.log(`  uptime before: ${r.uptime.before}\n  uptime after:  ${r.uptime.after}`);
}
