/**
 * Teacher mode: per lesson, controls the learner does not see and
 * parameters the learner cannot change while the lesson is on show.
 */
import { MODEL_CATALOGUE } from '../models/catalogue.ts';
import type { ModelKind } from '../train/pipeline-spec.ts';

/** Controls a teacher can hide. */
export const HIDEABLE_CONTROLS = [
  { id: 'train-params', label: 'Model hyperparameters (Train)' },
  { id: 'train-split', label: 'Split settings (Train)' },
] as const;
export type HideableControl = (typeof HIDEABLE_CONTROLS)[number]['id'];

export interface LessonLocks {
  /** The only model kind the Train view offers. */
  modelKind: ModelKind | null;
}

export interface LessonSetting {
  hidden: HideableControl[];
  locks: LessonLocks;
}

/** The workspace setting that holds {@link LessonSettings}. */
export const LESSON_SETTINGS_KEY = 'lessonSettings';

/** Teacher settings by lesson id. */
export type LessonSettings = Record<string, LessonSetting>;

export const OPEN_SETTING: LessonSetting = { hidden: [], locks: { modelKind: null } };

const CONTROL_IDS: ReadonlySet<string> = new Set(HIDEABLE_CONTROLS.map((c) => c.id));
const KINDS: ReadonlySet<string> = new Set(MODEL_CATALOGUE.map((m) => m.kind));

/** Reads saved settings defensively: unknown controls and model kinds are dropped. */
export function parseLessonSettings(value: unknown): LessonSettings {
  const settings: LessonSettings = {};
  if (typeof value !== 'object' || value === null) return settings;
  for (const [lesson, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { hidden, locks } = raw as { hidden?: unknown; locks?: { modelKind?: unknown } };
    const kind = locks?.modelKind;
    settings[lesson] = {
      hidden: Array.isArray(hidden)
        ? hidden.filter((id): id is HideableControl => typeof id === 'string' && CONTROL_IDS.has(id))
        : [],
      locks: { modelKind: typeof kind === 'string' && KINDS.has(kind) ? (kind as ModelKind) : null },
    };
  }
  return settings;
}
