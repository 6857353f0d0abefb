import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEvent } from '../../core/audit/audit-event.ts';
import { WorkbenchError } from '../../core/errors.ts';
import { readIfExists } from './atomic-file.ts';
import { AUDIT_FILE } from './workspace-layout.ts';

/**
 * Reading `audit.jsonl`: one sealed event per line, in append order. Lines
 * are parsed but not checked here; verify-chain.ts decides whether they hold.
 */

/** One line of the log: the event, or why it could not be read. */
export type AuditLine = { line: number; event: AuditEvent } | { line: number; error: string };

/** Every line of the log (a missing file is an empty log). */
export async function readAuditLines(dir: string): Promise<AuditLine[]> {
  const raw = await readIfExists(join(dir, AUDIT_FILE));
  if (!raw || raw.byteLength === 0) return [];
  const lines = raw.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((text, i) => parseLine(text, i + 1));
}

/**
 * The log as events; a line that is not an event is an error.
 * @throws WorkbenchError `storage.corrupt` naming the line.
 */
export async function readAuditEvents(dir: string): Promise<AuditEvent[]> {
  return (await readAuditLines(dir)).map((line) => {
    if ('event' in line) return line.event;
    throw corruptLine(dir, `Line ${line.line}`, line.error);
  });
}

/**
 * What an append needs: the file's size, whether it ends in a newline, and
 * its last event (null for an empty log), read from the end of the file so
 * appending costs the same however long the log is.
 */
export async function readAuditTail(
  dir: string,
): Promise<{ size: number; endsWithNewline: boolean; last: AuditEvent | null }> {
  let handle;
  try {
    handle = await open(join(dir, AUDIT_FILE), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { size: 0, endsWithNewline: true, last: null };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { size, endsWithNewline: true, last: null };
    let chunk = 4096;
    for (;;) {
      const length = Math.min(chunk, size);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString('utf8');
      const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
      const start = trimmed.lastIndexOf('\n');
      if (start >= 0 || length === size) {
        const parsed = parseLine(trimmed.slice(start + 1), 0);
        if ('error' in parsed) throw corruptLine(dir, 'The last line', parsed.error);
        return { size, endsWithNewline: text.endsWith('\n'), last: parsed.event };
      }
      chunk *= 4;
    }
  } finally {
    await handle.close();
  }
}

function parseLine(text: string, line: number): AuditLine {
  try {
    const event = JSON.parse(text) as AuditEvent;
    if (event === null || typeof event !== 'object' || Array.isArray(event))
      return { line, error: 'it is not a JSON object' };
    return { line, event };
  } catch (error) {
    return { line, error: `it is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function corruptLine(dir: string, where: string, why: string): WorkbenchError {
  return new WorkbenchError(
    'storage.corrupt',
    `${where} of ${join(dir, AUDIT_FILE)} cannot be read as an audit event (${why}): the log was edited or damaged. Run "workbench audit verify --workspace ${dir}" to see what changed.`,
  );
}
