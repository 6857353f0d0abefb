// Child process for concurrent-append.test.ts: appends `count` events to the workspace at `dir`.
import { FileWorkspaceStore } from '../../../src/adapters/folder-store/file-workspace-store.ts';

const [dir, label, count] = process.argv.slice(2);
const store = new FileWorkspaceStore(dir);
for (let i = 0; i < Number(count); i++) {
  await store.appendAudit({
    at: new Date().toISOString(),
    actor: label,
    type: 'test.append',
    subject: `${label}${i}`,
    data: { i },
  });
}
