import { MemoryWorkspaceStore } from '../../../src/adapters/memory-store/memory-workspace-store.ts';
import { describeWorkspaceStore } from '../helpers/workspace-store-suite.ts';

describeWorkspaceStore('MemoryWorkspaceStore', async () => {
  const store = new MemoryWorkspaceStore();
  return { store, peer: store };
});
