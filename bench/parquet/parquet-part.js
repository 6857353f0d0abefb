/**
 * The "parquet" part of `npm run bench` (issue 13, Tests and performance):
 * Parquet and Arrow IPC export and import of the 1,000,000 × 20 benchmark
 * table, in MB/s of the table's canonical encoding, with file sizes, whether
 * the import gave back the same version id, and `uptime` before and after
 * (the machine may be shared).
 */
import { fixed, printTable } from '../lib/table.js';

/** @param {{ results: any, quick: boolean, nodeScript: (script: string, args: string[]) => any }} context */
export async function parquetPart({ results, quick, nodeScript }) {
  const rows = quick ? 100_000 : 1_000_000;
  console.error(`\nParquet and Arrow export/import: ${rows.toLocaleString('en')} rows × 20 columns…`);
  const node = nodeScript('parquet/node-parquet.ts', ['--rows', String(rows), '--runs', quick ? '1' : '3']);
  results.parquet = node;
  const mb = (bytes) => `${fixed(bytes / 1e6, 1)} MB`;
  printTable(
    `Parquet / Arrow IPC in Node ${node.node}: ${node.rows.toLocaleString('en')} rows × ${node.columns} columns, table ${mb(node.tableBytes)} (CSV ${mb(node.csvBytes)}), median of ${node.runs}`,
    ['format', 'export', 'import', 'export (CPU time)', 'import (CPU time)', 'file', 'same version id'],
    ['parquet', 'arrow'].map((format) => [
      format,
      `${fixed(node[format].exportMBs, 0)} MB/s (${fixed(node[format].exportMs / 1000, 2)} s)`,
      `${fixed(node[format].importMBs, 0)} MB/s (${fixed(node[format].importMs / 1000, 2)} s)`,
      `${fixed(node.cpuMBs[format].export, 0)} MB/s`,
      `${fixed(node.cpuMBs[format].import, 0)} MB/s`,
      mb(node[format].fileBytes),
      node[format].sameId ? 'yes' : 'NO',
    ]),
  );
  for (const line of node.uptime) console.log(`  uptime: ${line}`);
}
