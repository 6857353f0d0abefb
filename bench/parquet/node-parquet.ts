/**
 * Parquet and Arrow IPC benchmark (issue 13, Tests and performance): the
 * 1,000,000 × 20 benchmark table (bench/generate-csv.ts) parsed once, then
 * exported and imported as Parquet (hyparquet-writer / hyparquet) and as
 * Arrow IPC (flechette), each checked to give back the same dataset version
 * id. MB/s are over the table's canonical encoding (the bytes a version
 * stores), so export and import of both formats compare; file sizes are
 * shown too. The machine's load (`uptime`) is printed alongside, since the
 * machine may be shared. Prints one JSON line.
 *
 *   node --import tsx bench/parquet/node-parquet.ts [--rows 1000000] [--runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/data/ingest/parse-csv.ts';
import { encodeWithId, datasetId } from '../../src/core/data/versions/dataset-id.ts';
import { readArrow } from '../../src/core/export/arrow/read-arrow.ts';
import { writeArrow } from '../../src/core/export/arrow/write-arrow.ts';
import { readParquet } from '../../src/core/export/parquet/read-parquet.ts';
import { writeParquet } from '../../src/core/export/parquet/write-parquet.ts';
import { ensureCsv } from '../generate-csv.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('--rows', 1_000_000);
const RUNS = option('--runs', 3);

const dataDir = join(import.meta.dirname, '..', '.data');
mkdirSync(dataDir, { recursive: true });
const csvPath = join(dataDir, `parquet-${ROWS}.csv`);
ensureCsv(csvPath, { rows: ROWS, seed: 7 });
const uptimeBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
const { table } = parseCsv(new Uint8Array(readFileSync(csvPath)));
const { bytes: canonical, id } = await encodeWithId(table);

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Wall time and the CPU time this process got (the machine may be shared: CPU time is the steadier figure). */
async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

interface Measured {
  exportMs: number;
  importMs: number;
  exportCpuMs: number;
  importCpuMs: number;
  fileBytes: number;
  sameId: boolean;
}
async function measure(write: () => Uint8Array, read: (bytes: Uint8Array) => Promise<typeof table>): Promise<Measured> {
  const exports: number[] = [];
  const imports: number[] = [];
  const exportCpu: number[] = [];
  const importCpu: number[] = [];
  let fileBytes = 0;
  let sameId = true;
  for (let run = 0; run < RUNS; run++) {
    const written = await timed(write);
    exports.push(written.ms);
    exportCpu.push(written.cpuMs);
    fileBytes = written.value.length;
    const back = await timed(() => read(written.value));
    imports.push(back.ms);
    importCpu.push(back.cpuMs);
    if (run === 0) sameId = (await datasetId(back.value)) === id;
  }
  return {
    exportMs: median(exports),
    importMs: median(imports),
    exportCpuMs: median(exportCpu),
    importCpuMs: median(importCpu),
    fileBytes,
    sameId,
  };
}

const parquet = await measure(
  () => writeParquet(table, id, 'bench'),
  async (bytes) => (await readParquet(bytes)).table,
);
const arrow = await measure(
  () => writeArrow(table, id, 'bench'),
  async (bytes) => readArrow(bytes).table,
);
const mbPerS = (ms: number) => canonical.length / 1e6 / (ms / 1000);
console.log(
  JSON.stringify({
    node: process.version,
    rows: table.rowCount,
    columns: table.columns.length,
    csvBytes: readFileSync(csvPath).length,
    tableBytes: canonical.length,
    runs: RUNS,
    uptime: [uptimeBefore, execFileSync('uptime', { encoding: 'utf8' }).trim()],
    parquet: { ...parquet, exportMBs: mbPerS(parquet.exportMs), importMBs: mbPerS(parquet.importMs) },
    arrow: { ...arrow, exportMBs: mbPerS(arrow.exportMs), importMBs: mbPerS(arrow.importMs) },
    cpuMBs: {
      parquet: { export: mbPerS(parquet.exportCpuMs), import: mbPerS(parquet.importCpuMs) },
      arrow: { export: mbPerS(arrow.exportCpuMs), import: mbPerS(arrow.importCpuMs) },
    },
  }),
);
