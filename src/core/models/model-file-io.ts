import { WorkbenchError } from '../errors.ts';
import type { ModelFileMap } from './model-entry.ts';

const utf8 = new TextEncoder();

/** Pretty JSON with a final newline: readable in an unpacked folder, and byte-stable. */
export function jsonBytes(value: unknown): Uint8Array {
  return utf8.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** Text as UTF-8 bytes. */
export function textBytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/** Parses one bundle file as JSON, refusing with the file's name. */
export function parseJsonFile(name: string, files: ModelFileMap): unknown {
  try {
    return JSON.parse(readTextFile(name, files));
  } catch (cause) {
    throw cause instanceof WorkbenchError ? cause : badFile(name, 'it is not valid JSON', cause);
  }
}

/** Reads one bundle file as strict UTF-8 text, refusing with the file's name. */
export function readTextFile(name: string, files: ModelFileMap): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(files.get(name));
  } catch (cause) {
    throw badFile(name, 'it is not UTF-8 text', cause);
  }
}

/** A bundle file that passed its checksum but cannot be used. */
export function badFile(name: string, why: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError(
    'bundle.bad_file',
    `${name} cannot be read: ${why}. Export the model again from the workbench.`,
    { cause },
  );
}
