import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../core/errors.ts';
import { printable } from './text-table.ts';

/**
 * Writes a file the user asked for with `--out`; a path that is an existing
 * folder gets `defaultName` inside it. Resolves to the path written.
 *
 * @param what what the file is, for the error message ("the model bundle")
 * @throws WorkbenchError `cli.write_failed`
 */
export async function writeOutputFile(
  path: string,
  bytes: Uint8Array,
  what: string,
  defaultName: string,
): Promise<string> {
  const target = (await isDirectory(path)) ? join(path, defaultName) : path;
  try {
    await writeFile(target, bytes);
    return target;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new WorkbenchError(
      'cli.write_failed',
      `Cannot write ${what} to "${printable(target)}" (${code ?? String(cause)}). Check that its folder exists and is writable, or give another path.`,
      { cause },
    );
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
