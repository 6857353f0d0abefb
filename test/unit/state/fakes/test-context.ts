/**
 * A workspace context for state tests: the memory store, a clock that
 * moves one minute per reading, a fixed actor, the data worker and training
 * done in-process, downloads kept in a list, and every notification logged.
 */
import { readFileSync } from 'node:fs';
import { MemoryWorkspaceStore } from '../../../../src/adapters/memory-store/memory-workspace-store.ts';
import type { StorageInfo } from '../../../../src/adapters/storage-quota/storage-info.ts';
import { predictEngine } from '../../../../src/adapters/workers/predict-engine.ts';
import { WorkspaceChanges, type WorkspaceChange } from '../../../../src/state/workspace-changes.ts';
import type { WorkspaceContext } from '../../../../src/state/workspace-context.ts';
import { InProcessDataClient } from './in-process-data-client.ts';
import { inProcessTrainer, type InProcessTrainer } from './in-process-trainer.ts';

/** The change bus, keeping a log of what was notified. */
export class LoggedChanges extends WorkspaceChanges {
  readonly log: WorkspaceChange[][] = [];

  override notify(...changes: WorkspaceChange[]): Promise<void> {
    this.log.push(changes);
    return super.notify(...changes);
  }
}

export interface TestContext extends WorkspaceContext {
  store: MemoryWorkspaceStore;
  changes: LoggedChanges;
  data: InProcessDataClient;
  trainer: InProcessTrainer;
  downloads: { fileName: string; content: Uint8Array | string; type: string }[];
  /** What the storage quota reports; tests may change it. */
  quotaInfo: StorageInfo;
  persistAnswers: boolean[];
  /** Sets who the context names as acting. */
  actAs(name: string): void;
}

export const START = Date.UTC(2026, 0, 1);

/** A fresh workspace; `store` lets two contexts share (or a test wrap) one. */
export function testContext(options: { store?: MemoryWorkspaceStore; held?: boolean } = {}): TestContext {
  const store = options.store ?? new MemoryWorkspaceStore();
  let minutes = 0;
  const nowMs = () => START + 60_000 * minutes++;
  let actor = 'ana';
  const downloads: TestContext['downloads'] = [];
  const context: TestContext = {
    store,
    changes: new LoggedChanges(),
    now: () => new Date(nowMs()).toISOString(),
    actor: () => actor,
    actAs: (name) => (actor = name),
    data: new InProcessDataClient(store, nowMs),
    trainer: inProcessTrainer(store, nowMs, { held: options.held }),
    // The predict worker's own code, run in-process (no MLP here, so no TF.js runtime).
    predict: predictEngine(store, { clock: () => performance.now(), runtimeFor: async () => null, latencySamples: 20 }),
    downloads,
    files: {
      readBytes: (file) => file.arrayBuffer(),
      download: (fileName, content, type) => downloads.push({ fileName, content, type }),
    },
    quotaInfo: { usageBytes: 1000, quotaBytes: 10_000_000, persisted: false },
    persistAnswers: [],
    quota: {
      info: async () => ({ ...context.quotaInfo }),
      persist: async () => context.persistAnswers.shift() ?? false,
    },
  };
  return context;
}

/** A bundled sample's CSV text (public/samples). */
export function sampleCsv(name: 'iris' | 'penguins'): string {
  return readFileSync(new URL(`../../../../public/samples/${name}.csv`, import.meta.url), 'utf8');
}

/** CSV text as a picked file. */
export function csvFile(text: string, name: string): File {
  return new File([text], name, { type: 'text/csv' });
}
