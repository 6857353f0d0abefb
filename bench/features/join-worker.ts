/**
 * A worker_threads worker that runs the point-in-time join on columns posted
 * to it (transferred) and posts back the matched rows and the gathered
 * feature columns: the shape of the app's join worker.
 */
import { parentPort } from 'node:worker_threads';
import type { Column } from '../../src/core/data/types.ts';
import { joinPointInTime, type PointInTimeInput } from '../../src/core/features/join/point-in-time-join.ts';
import { takeRows } from '../../src/core/features/join/take-rows.ts';

parentPort!.on('message', (message: { input: PointInTimeInput; features: Column[] }) => {
  const started = performance.now();
  // Process CPU (the main thread waits meanwhile): the machine may be shared.
  const cpu = process.cpuUsage();
  const result = joinPointInTime(message.input);
  const features = message.features.map((f) => takeRows(f, result.matches));
  const joinMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const buffers = features.flatMap((f) =>
    'values' in f ? [f.values.buffer as ArrayBuffer] : [f.codes.buffer as ArrayBuffer],
  );
  parentPort!.postMessage(
    {
      matches: result.matches,
      matchedRows: result.matchedRows,
      leakedRows: result.leakedRows,
      features,
      joinMs,
      cpuMs,
    },
    [result.matches.buffer as ArrayBuffer, ...buffers],
  );
});
