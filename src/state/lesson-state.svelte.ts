/**
 * The Lessons area's state: the workspace as lesson checks see it, the
 * learner's progress (kept in local settings, restored after a reload) and
 * the teacher's settings per lesson (hidden controls, locked parameters).
 */
import { LESSONS, lessonById } from '../core/lessons/catalogue/index.ts';
import type { Lesson, WorkspaceSnapshot } from '../core/lessons/lesson-types.ts';
import {
  LESSON_SETTINGS_KEY,
  OPEN_SETTING,
  parseLessonSettings,
  type HideableControl,
  type LessonSetting,
  type LessonSettings,
} from '../core/lessons/lesson-settings.ts';
import {
  EMPTY_PROGRESS,
  LESSON_PROGRESS_KEY,
  parseProgress,
  recordDone,
  stepStates,
  type LessonProgress,
  type StepState,
} from '../core/lessons/progress.ts';
import type { ModelKind } from '../core/train/pipeline-spec.ts';
import { readLessonSnapshot } from './lesson-snapshot.ts';
import { runThrowing } from './run-result.ts';
import type { WorkspaceContext } from './workspace-context.ts';

/** What the lessons do to the rest of the app: apply a locked model kind to the Train form. */
export interface LessonEffects {
  lockModelKind(kind: ModelKind): void;
}

export class LessonState {
  workspace = $state.raw<WorkspaceSnapshot | null>(null);
  progress = $state.raw<LessonProgress>(EMPTY_PROGRESS);
  settings = $state.raw<LessonSettings>({});
  error = $state<string | null>(null);
  loaded = $state(false);
  readonly #store: WorkspaceContext['store'];
  readonly #effects: LessonEffects;
  #loading: Promise<void> | null = null;

  constructor(context: Pick<WorkspaceContext, 'store' | 'changes'>, effects: LessonEffects) {
    this.#store = context.store;
    this.#effects = effects;
    context.changes.subscribe(['datasetVersions', 'runs', 'registry', 'audit'], () => this.refresh());
    context.changes.subscribe(['erased'], () => {
      this.progress = EMPTY_PROGRESS;
      this.settings = {};
    });
  }

  /** The lesson on show, if any. */
  get active(): Lesson | undefined {
    return this.progress.active === null ? undefined : lessonById(this.progress.active);
  }

  /** The teacher's setting of the lesson on show (open when none is on show). */
  get activeSetting(): LessonSetting {
    const id = this.progress.active;
    return (id !== null && this.settings[id]) || OPEN_SETTING;
  }

  /** Whether the lesson on show hides `control`. */
  hides(control: HideableControl): boolean {
    return this.activeSetting.hidden.includes(control);
  }

  /** The model kind the lesson on show locks the Train view to, or null. */
  get lockedModelKind(): ModelKind | null {
    return this.activeSetting.locks.modelKind;
  }

  /** Each step of `lesson`, done or not. */
  steps(lesson: Lesson): StepState[] {
    return this.workspace
      ? stepStates(lesson, this.workspace, this.progress)
      : lesson.steps.map((s) => ({ id: s.id, done: false }));
  }

  /** Reads progress, settings and the workspace once; concurrent callers share the read. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      const outcome = await runThrowing(() =>
        Promise.all([this.#store.getSetting(LESSON_PROGRESS_KEY), this.#store.getSetting(LESSON_SETTINGS_KEY)]),
      );
      if (!outcome.ok) this.error = outcome.message;
      else {
        this.progress = parseProgress(outcome.value[0]);
        this.settings = parseLessonSettings(outcome.value[1]);
      }
      this.loaded = true;
      await this.refresh();
      this.#applyLocks();
    })();
    return this.#loading;
  }

  /** Rereads the workspace and records the steps whose checks now pass. */
  async refresh(): Promise<void> {
    // Before the saved progress is read, recording would overwrite it.
    if (!this.loaded) return;
    const outcome = await runThrowing(() => readLessonSnapshot(this.#store));
    if (!outcome.ok) {
      this.error = outcome.message;
      return;
    }
    this.workspace = outcome.value;
    const next = recordDone(LESSONS, outcome.value, this.progress);
    if (next !== this.progress) await this.#saveProgress(next);
  }

  /** Shows `id` (null closes the lesson) and remembers it across reloads. */
  async open(id: string | null): Promise<void> {
    await this.#saveProgress({ ...this.progress, active: id });
    this.#applyLocks();
  }

  /** Saves the teacher's setting for a lesson. */
  async saveSetting(lessonId: string, setting: LessonSetting): Promise<boolean> {
    const next = { ...this.settings, [lessonId]: setting };
    const outcome = await runThrowing(() => this.#store.setSetting(LESSON_SETTINGS_KEY, next));
    if (!outcome.ok) {
      this.error = `The teacher settings could not be saved: ${outcome.message}`;
      return false;
    }
    this.settings = next;
    this.#applyLocks();
    return true;
  }

  dismissError(): void {
    this.error = null;
  }

  async #saveProgress(next: LessonProgress): Promise<void> {
    this.progress = next;
    const outcome = await runThrowing(() => this.#store.setSetting(LESSON_PROGRESS_KEY, next));
    if (!outcome.ok) this.error = `Lesson progress could not be saved: ${outcome.message}`;
  }

  #applyLocks(): void {
    const kind = this.lockedModelKind;
    if (kind !== null) this.#effects.lockModelKind(kind);
  }
}
