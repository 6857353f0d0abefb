import { readFile } from 'node:fs/promises';
import { WorkbenchError } from '../core/errors.ts';
import { printable } from './text-table.ts';

/**
 * Reads a whole file the user named on the command line, turning
 * file-system errors into one-line messages that say what to do.
 *
 * @param what what the file should be, for the directory message ("a CSV file")
 * @throws WorkbenchError `cli.read_failed`
 */
export async function readInputFile(path: string, what = 'a CSV file'): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const shown = printable(path);
    const message =
      code === 'ENOENT'
        ? `Cannot read "${shown}": no such file. Check the path and try again.`
        : code === 'EISDIR'
          ? `"${shown}" is a directory. Give the path of ${what} inside it.`
          : code === 'EACCES' || code === 'EPERM'
            ? `Cannot read "${shown}": permission denied. Check the file's permissions and try again.`
            : `Cannot read "${shown}" (${code ?? String(cause)}). Check the path and try again.`;
    throw new WorkbenchError('cli.read_failed', message, { cause });
  }
}

/**
 * Reads and parses a JSON file; a syntax error becomes a message naming the
 * file and `hint` (what the file should hold).
 *
 * @throws WorkbenchError `cli.read_failed` or `cli.bad_json`
 */
export async function readJsonFile(path: string, hint: string): Promise<unknown> {
  const text = new TextDecoder('utf-8').decode(await readInputFile(path, 'a JSON file'));
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new WorkbenchError('cli.bad_json', `"${printable(path)}" is not valid JSON (${detail}). ${hint}`, { cause });
  }
}
