/**
 * The error catalogue is the one list of codes: every code follows one
 * naming style and says what to do, and every code the source raises (or
 * hands across a worker boundary) is in it. Types catch a typo at a
 * `WorkbenchError` call; this test also reads the source, so a code written
 * where the type checker does not look (a cast, a plain object) fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from '../../../src/core/error-codes/catalogue.ts';
import { WorkbenchError, toErrorInfo } from '../../../src/core/errors.ts';
import { isAuditEventType } from '../../../src/core/audit/audit-event.ts';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');
const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];
const STYLE = /^[a-z]+\.[a-z0-9]+(?:_[a-z0-9]+)*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

const catalogueDir = join(src, 'core', 'error-codes');
const sources = sourceFiles(src)
  .filter((path) => !path.startsWith(catalogueDir))
  .map((path) => ({ path: path.slice(src.length + 1), text: readFileSync(path, 'utf8') }));

/** Codes written as the first argument of `new WorkbenchError(` or as `code: '…'` in an error object. */
function codesUsed(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/WorkbenchError\(\s*'([^']+)'/g, /\bfailure\(\s*'([^']+)'/g, /\bcode:\s*'([^']+)'/g];
  for (const { path, text } of sources) {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        // Data-quality warnings have their own codes (kebab-case, not errors).
        if (pattern.source.startsWith('\\bcode') && !match[1].includes('.')) continue;
        used.set(match[1], path);
      }
    }
  }
  return used;
}

describe('error catalogue', () => {
  it('names every code area.snake_case', () => {
    const offStyle = CODES.filter((code) => !STYLE.test(code));
    expect(offStyle).toEqual([]);
    expect(CODES.length).toBeGreaterThan(100);
  });

  it('gives every code a title and a help text that says what to do', () => {
    for (const code of CODES) {
      const { title, help } = ERROR_CATALOGUE[code];
      expect(title.trim(), code).not.toBe('');
      expect(help.trim().length, code).toBeGreaterThan(10);
      expect(help, code).toMatch(/[.!]$/);
    }
  });

  it('holds every code the source raises', () => {
    const used = codesUsed();
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter(([code]) => !isErrorCode(code)).map(([code, path]) => `${code} (${path})`);
    expect(missing).toEqual([]);
  });

  it('is what the tests assert: every error code a test expects is catalogued', () => {
    // Any quoted `area.name` of an error area that is not an event type, a file name or a spec path.
    const areas = new Set(CODES.map((code) => code.split('.')[0]));
    const tests = sourceFiles(resolve(src, '../test/unit')).map((path) => readFileSync(path, 'utf8'));
    const expected = new Set(
      tests
        .flatMap((text) => [...text.matchAll(/'([a-z]+)\.([a-z0-9_-]+)'/g)])
        .filter(([, area, name]) => areas.has(area) && !/^(json|jsonl|csv|zip|md|bin|kind|trees)$/.test(name))
        .map(([, area, name]) => `${area}.${name}`)
        .filter((name) => !isAuditEventType(name)),
    );
    expect(expected.size).toBeGreaterThan(40);
    expect([...expected].filter((code) => !isErrorCode(code))).toEqual([]);
  });

  it('lists no code that nothing raises', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused = CODES.filter((code) => !all.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('carries the typed code across a worker boundary, and names unknown failures internal.unexpected', () => {
    expect(toErrorInfo(new WorkbenchError('csv.empty', 'The file is empty.'))).toEqual({
      code: 'csv.empty',
      message: 'The file is empty.',
    });
    expect(toErrorInfo(new TypeError('x is undefined'))).toEqual({
      code: 'internal.unexpected',
      message: 'x is undefined',
    });
    expect(isErrorCode('internal.unexpected')).toBe(true);
    expect(isErrorCode(['csv', 'empti'].join('.'))).toBe(false);
  });
});
