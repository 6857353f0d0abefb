/**
 * The contract between the UI thread and a training worker (types only).
 * One worker per run: Cancel terminates it, which stops training at once,
 * and the UI records the cancelled run.
 */
import type { ErrorInfo } from '../../core/errors.ts';
import type { PipelineSpec } from '../../core/train/pipeline-spec.ts';
import type { CurvePoint, RunRecord } from '../../core/train/run-record.ts';
import type { Result } from './data-protocol.ts';

export type BackendPreference = 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface TrainRequest {
  spec: PipelineSpec;
  actor: string;
  backend: BackendPreference;
  /** The run id, chosen by the UI so it can record a cancellation under the same id. */
  runId: string;
  runName: string;
  /** Set when re-running a stored run. */
  rerunOf: string | null;
}

export type TrainEvent =
  | { kind: 'started'; backend: string | null; backendReason: string | null }
  | { kind: 'phase'; phase: string }
  | { kind: 'curve'; point: CurvePoint }
  | { kind: 'trees'; built: number; total: number }
  /** An MLP epoch ended: `epoch` of at most `total`. */
  | { kind: 'epoch'; epoch: number; total: number }
  /** Evaluation: held-out rows scored, or importance permutations done. */
  | { kind: 'steps'; phase: 'scoring' | 'importance'; done: number; total: number };

export interface TrainWorkerApi {
  /** Trains, evaluates and stores the run (completed or failed) with its audit events. */
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<Result<RunRecord>>;
}

export type { ErrorInfo };
