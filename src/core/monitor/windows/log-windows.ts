import { WorkbenchError } from '../../errors.ts';
import type { LogEntry } from '../../serving/replay/prediction-log.ts';

/** A log entry with the replay it came from. */
export type WindowEntry = LogEntry & { logId: string };

/** Consecutive requests of the prediction log that one window covers. */
export interface LogWindow {
  index: number;
  /** Stable name of the window: `${logId}:${first request}+${size}`. */
  key: string;
  entries: WindowEntry[];
}

/** Requests per window when none is given. */
export const DEFAULT_WINDOW = 500;

/**
 * Cuts the requests `version` served into windows of `size`, in log order.
 * A trailing window shorter than half the size is left out (too few
 * requests for its statistics to mean much) and counted in `leftOut`.
 *
 * @throws WorkbenchError `monitor.bad_window` when size is not a whole number ≥ 2
 */
export function logWindows(
  entries: WindowEntry[],
  version: string,
  size: number,
): { windows: LogWindow[]; leftOut: number } {
  if (!(Number.isInteger(size) && size >= 2)) {
    throw new WorkbenchError(
      'monitor.bad_window',
      `A window must hold a whole number of requests, 2 or more (got ${size}). Pass --window 500, for example: one-request windows have no distribution to compare.`,
    );
  }
  const served = entries.filter((e) => e.served && e.version === version);
  const windows: LogWindow[] = [];
  let leftOut = 0;
  for (let start = 0; start < served.length; start += size) {
    const chunk = served.slice(start, start + size);
    if (chunk.length < size && chunk.length * 2 < size) {
      leftOut = chunk.length;
      break;
    }
    windows.push({
      index: windows.length,
      key: `${chunk[0].logId}:${chunk[0].request}+${chunk.length}`,
      entries: chunk,
    });
  }
  return { windows, leftOut };
}
