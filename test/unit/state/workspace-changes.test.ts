import { describe, expect, it } from 'vitest';
import { WorkspaceChanges } from '../../../src/state/workspace-changes.ts';

describe('WorkspaceChanges', () => {
  it('calls each subscriber once per notification, however many of its kinds changed', async () => {
    const changes = new WorkspaceChanges();
    const calls: string[] = [];
    changes.subscribe(['runs', 'registry'], () => void calls.push('lineage'));
    changes.subscribe(['audit'], () => void calls.push('audit'));
    changes.subscribe(['datasetVersions'], () => void calls.push('versions'));
    await changes.notify('runs', 'registry', 'audit');
    expect(calls).toEqual(['lineage', 'audit']);
  });

  it('reaches every record subscriber on `all`, and `erased` subscribers only on an erase', async () => {
    const changes = new WorkspaceChanges();
    const calls: string[] = [];
    changes.subscribe(['runs'], () => void calls.push('runs'));
    changes.subscribe(['erased'], () => void calls.push('draft'));
    await changes.notify('all');
    expect(calls).toEqual(['runs']);
    await changes.notify('erased');
    expect(calls).toEqual(['runs', 'runs', 'draft']);
  });

  it('resolves once every subscriber has finished, even if one failed', async () => {
    const changes = new WorkspaceChanges();
    let finished = false;
    changes.subscribe(['audit'], () => Promise.reject(new Error('store closed')));
    changes.subscribe(['audit'], async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      finished = true;
    });
    await changes.notify('audit');
    expect(finished).toBe(true);
  });

  it('stops calling a subscriber that unsubscribed', async () => {
    const changes = new WorkspaceChanges();
    let calls = 0;
    const unsubscribe = changes.subscribe(['runs'], () => void calls++);
    await changes.notify('runs');
    unsubscribe();
    await changes.notify('runs');
    expect(calls).toBe(1);
  });
});
