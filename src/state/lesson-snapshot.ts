/** Reads the records lesson checks look at, in one go. */
import type { WorkspaceSnapshot } from '../core/lessons/lesson-types.ts';
import type { WorkspaceStore } from '../core/ports.ts';
import { readWorkspaceContents } from '../core/workspace-contents.ts';

/** The lesson checks read what the workspace holds as core/workspace-contents.ts describes it. */
export function readLessonSnapshot(store: WorkspaceStore): Promise<WorkspaceSnapshot> {
  return readWorkspaceContents(store);
}
