import { WorkbenchError } from '../errors.ts';

// Names end up in keys (`name@3`, `name@3#1`), file names and CLI arguments.
const MODEL_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
// Digits-only aliases would be mistaken for version numbers.
const ALIAS = /^(?!\d+$)[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Throws `registry.bad_name` unless `name` can name a model. */
export function checkModelName(name: string): void {
  if (!MODEL_NAME.test(name)) {
    throw new WorkbenchError(
      'registry.bad_name',
      `"${name}" cannot name a model. Use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit (e.g. churn-classifier).`,
    );
  }
}

/** Throws `registry.bad_alias` unless `alias` can be an alias. */
export function checkAlias(alias: string): void {
  if (!ALIAS.test(alias)) {
    throw new WorkbenchError(
      'registry.bad_alias',
      `"${alias}" cannot be an alias. Use 1 to 64 letters, digits, dots, dashes or underscores, not only digits (e.g. champion).`,
    );
  }
}

/** Throws `registry.no_actor` when nobody is named as doing the action. */
export function checkActor(actor: string): void {
  if (actor.trim() === '') {
    throw new WorkbenchError(
      'registry.no_actor',
      'Registry actions are audited and need a name. Set your name in the profile first.',
    );
  }
}

/** Throws `registry.bad_time` unless `now` is in `toISOString()` form, so stored times order as text. */
export function checkNow(now: string): void {
  if (!ISO.test(now)) {
    throw new WorkbenchError(
      'registry.bad_time',
      `"${now}" is not a UTC ISO 8601 time such as 2026-01-31T12:00:00.000Z. Pass the clock's time as toISOString() gives it.`,
    );
  }
}

/** Throws `registry.bad_tag` when a tag key is empty. */
export function checkTags(tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) {
    if (key.trim() === '')
      throw new WorkbenchError(
        'registry.bad_tag',
        'A tag needs a non-empty key. Name the tag (e.g. team) or remove it.',
      );
    if (typeof value !== 'string')
      throw new WorkbenchError('registry.bad_tag', `Tag "${key}" must have a text value. Write it as text.`);
  }
}
