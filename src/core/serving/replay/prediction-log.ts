/**
 * The prediction log: every request a replay (later, a live endpoint)
 * served, with the model version that answered, its output, its latency and
 * the label once it arrived. Kept as append-only batches of columns — one
 * record per batch, not per request — so 100,000 requests are 20 records,
 * and the monitoring capability reads them back batch by batch.
 */

/** Requests per stored batch. */
export const LOG_BATCH_SIZE = 5000;

/** One stored batch of the log, as columns of equal length. */
export interface PredictionLogBatch {
  /** `${logId}#${seq}`, seq zero-padded so keys sort in append order. */
  id: string;
  /** The replay (or endpoint session) the requests belong to. */
  logId: string;
  seq: number;
  /** Model version ids (`name@n`) that `version` indexes. */
  versions: string[];
  /** Position of the request in the replayed stream. */
  request: number[];
  /** 0-based data row of the traffic file. */
  row: number[];
  /** Index into `versions` of the model that scored it. */
  version: number[];
  /** 1 when the answer was served, 0 when the model only shadowed it. */
  served: number[];
  /** The prediction as text: the label, or the value. */
  output: string[];
  /** Milliseconds, amortised over the batch the request was scored in. */
  latencyMs: number[];
  /** The true label as text, null when the row has none. */
  label: (string | null)[];
  /** Request position at which the label arrived (request + delay); null when it never did during the replay. */
  labelAt: (number | null)[];
}

/** One request's log entry before batching. */
export interface LogEntry {
  request: number;
  row: number;
  version: string;
  served: boolean;
  output: string;
  latencyMs: number;
  label: string | null;
  labelAt: number | null;
}

/** Collects entries and cuts them into {@link PredictionLogBatch}es. */
export class PredictionLogWriter {
  readonly #batches: PredictionLogBatch[] = [];
  #current: PredictionLogBatch | null = null;

  constructor(readonly logId: string) {}

  append(entry: LogEntry): void {
    this.add(
      entry.request,
      entry.row,
      entry.version,
      entry.served,
      entry.output,
      entry.latencyMs,
      entry.label,
      entry.labelAt,
    );
  }

  /** {@link append} without building an entry object: a replay adds 200,000 of them. */
  add(
    request: number,
    row: number,
    version: string,
    served: boolean,
    output: string,
    latencyMs: number,
    label: string | null,
    labelAt: number | null,
  ): void {
    let b = this.#current;
    if (!b || b.request.length >= LOG_BATCH_SIZE) {
      b = this.#current = emptyBatch(this.logId, this.#batches.length);
      this.#batches.push(b);
    }
    let v = b.versions.indexOf(version);
    if (v < 0) v = b.versions.push(version) - 1;
    b.request.push(request);
    b.row.push(row);
    b.version.push(v);
    b.served.push(served ? 1 : 0);
    b.output.push(output);
    b.latencyMs.push(latencyMs);
    b.label.push(label);
    b.labelAt.push(labelAt);
  }

  /** The batches so far (the last may be partly filled). */
  batches(): PredictionLogBatch[] {
    return this.#batches;
  }
}

function emptyBatch(logId: string, seq: number): PredictionLogBatch {
  return {
    id: `${logId}#${String(seq).padStart(6, '0')}`,
    logId,
    seq,
    versions: [],
    request: [],
    row: [],
    version: [],
    served: [],
    output: [],
    latencyMs: [],
    label: [],
    labelAt: [],
  };
}

/** The log's entries back, in request order, from its batches (any order). */
export function readLogEntries(batches: PredictionLogBatch[]): LogEntry[] {
  return [...batches]
    .sort((a, b) => a.seq - b.seq)
    .flatMap((b) =>
      b.request.map((request, i) => ({
        request,
        row: b.row[i],
        version: b.versions[b.version[i]],
        served: b.served[i] === 1,
        output: b.output[i],
        latencyMs: b.latencyMs[i],
        label: b.label[i],
        labelAt: b.labelAt[i],
      })),
    );
}
