// Child process for concurrent-append.test.ts: appends `count` events to the workspace at `dir`.
import { modelUpdated } from '../../../src/core/audit/events/registry-events.ts';
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';

const [dir, label, count] = process.argv.slice(2);
const store = new FileWorkspaceStore(dir);
for (let i = 0; i < Number(count); i++) {
  await store.appendAudit(modelUpdated({ at: new Date().toISOString(), actor: label }, `${label}${i}`, `append ${i}`));
}
