import { describe, expect, it } from 'vitest';
import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { WorkbenchError } from '../../../src/core/errors.ts';
import { lazyDataClient } from '../../../src/state/lazy-data-client.ts';
import { InProcessDataClient } from './fakes/in-process-data-client.ts';

function counted() {
  const made: InProcessDataClient[] = [];
  const client = lazyDataClient(() => {
    const made1 = new InProcessDataClient(new MemoryWorkspaceStore(), () => 0);
    made.push(made1);
    return made1;
  });
  return { made, client };
}

const bytes = () => new TextEncoder().encode('x\n1\n').buffer as ArrayBuffer;

describe('lazyDataClient', () => {
  it('starts no worker until the first call, then keeps the one it started', async () => {
    const { made, client } = counted();
    expect(made).toHaveLength(0);
    await client.loadCsv(bytes(), 'a.csv', () => {});
    await client.setColumnRole('x', 'target', 'ana');
    expect(made).toHaveLength(1);
    expect(made[0].calls).toBe(2);
  });

  it('stops a crashed worker and starts a fresh one on the next call', async () => {
    const { made, client } = counted();
    await client.loadCsv(bytes(), 'a.csv', () => {});
    made[0].crashNext = new WorkbenchError('worker.crashed', 'The data worker stopped. Reload the page and try again.');
    await expect(client.diffVersions('a', 'b')).rejects.toThrow('The data worker stopped.');
    expect(made[0].terminated).toBe(1);
    const result = await client.loadCsv(bytes(), 'b.csv', () => {});
    expect(made).toHaveLength(2);
    expect(result.ok && result.value.sourceName).toBe('b.csv');
  });

  it('keeps the worker after an ordinary failure', async () => {
    const { made, client } = counted();
    await client.loadCsv(bytes(), 'a.csv', () => {});
    made[0].crashNext = new Error('postMessage failed');
    await expect(client.loadCsv(bytes(), 'b.csv', () => {})).rejects.toThrow('postMessage failed');
    await client.loadCsv(bytes(), 'c.csv', () => {});
    expect([made.length, made[0].terminated]).toEqual([1, 0]);
  });
});
