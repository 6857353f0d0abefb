import { keyedRecord } from '../../core/keyed-record.ts';

/** Tags as typed in one text field: `key=value` pairs separated by commas. */

/**
 * Parses `team=research, purpose=demo` into an object; a pair without `=`
 * or with an empty key is refused with a message.
 *
 * @example
 * parseTags('team=ml, stage=beta'); // { ok: true, tags: { team: 'ml', stage: 'beta' } }
 */
export function parseTags(text: string): { ok: true; tags: Record<string, string> } | { ok: false; message: string } {
  // No prototype: a tag named __proto__ or constructor is a tag like any other.
  const tags = keyedRecord<string>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!key)
      return {
        ok: false,
        message: `"${part}" is not a tag. Write tags as key=value, separated by commas (e.g. team=research).`,
      };
    tags[key] = part.slice(at + 1).trim();
  }
  return { ok: true, tags };
}

/** The inverse of {@link parseTags}, for editing. */
export function formatTags(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
