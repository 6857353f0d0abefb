/**
 * Lesson progress: a step counts as done once its check has passed, and
 * stays done (a later rollback must not undo a lesson the learner finished).
 */
import type { Lesson, WorkspaceSnapshot } from './lesson-types.ts';

/** What is saved: the lesson on show and the steps done, per lesson. */
export interface LessonProgress {
  active: string | null;
  done: Record<string, string[]>;
}

export const EMPTY_PROGRESS: LessonProgress = { active: null, done: {} };

/** The workspace setting that holds {@link LessonProgress}. */
export const LESSON_PROGRESS_KEY = 'lessonProgress';

export interface StepState {
  id: string;
  done: boolean;
}

/** Each step of `lesson`: done if it was recorded done or its check passes now. */
export function stepStates(lesson: Lesson, workspace: WorkspaceSnapshot, progress: LessonProgress): StepState[] {
  const recorded = new Set(progress.done[lesson.id] ?? []);
  return lesson.steps.map((step) => ({ id: step.id, done: recorded.has(step.id) || step.check(workspace) }));
}

/**
 * `progress` with every step whose check passes now recorded as done, in
 * every lesson. Returns the same object when nothing new was done.
 */
export function recordDone(
  lessons: readonly Lesson[],
  workspace: WorkspaceSnapshot,
  progress: LessonProgress,
): LessonProgress {
  let changed = false;
  const done: Record<string, string[]> = { ...progress.done };
  for (const lesson of lessons) {
    const before = done[lesson.id] ?? [];
    const now = stepStates(lesson, workspace, progress)
      .filter((s) => s.done)
      .map((s) => s.id);
    if (now.length !== before.length) {
      done[lesson.id] = now;
      changed = true;
    }
  }
  return changed ? { ...progress, done } : progress;
}

/** True when every step of `lesson` is done. */
export function lessonComplete(lesson: Lesson, workspace: WorkspaceSnapshot, progress: LessonProgress): boolean {
  return stepStates(lesson, workspace, progress).every((s) => s.done);
}

/** Reads saved progress defensively: anything malformed counts as no progress. */
export function parseProgress(value: unknown): LessonProgress {
  if (typeof value !== 'object' || value === null) return EMPTY_PROGRESS;
  const { active, done } = value as Partial<LessonProgress>;
  const steps: Record<string, string[]> = {};
  if (typeof done === 'object' && done !== null)
    for (const [lesson, ids] of Object.entries(done))
      if (Array.isArray(ids)) steps[lesson] = ids.filter((id): id is string => typeof id === 'string');
  return { active: typeof active === 'string' ? active : null, done: steps };
}
