import { unzipSync, zipSync } from 'fflate';
import { WorkbenchError } from '../../errors.ts';

/** Largest total uncompressed size a bundle may declare: refuses zip bombs before allocating anything. */
export const MAX_UNZIPPED_BYTES = 1024 ** 3;

// DOS date 1980-01-01, time 00:00:00: the zip epoch, the usual "no timestamp" of reproducible archives.
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

/**
 * Zips files in the given order so that the same files always give the same
 * bytes: every entry gets the fixed zip-epoch timestamp. fflate converts
 * `mtime` with local-time getters, so the same instant would be written
 * differently in different time zones; the timestamps are therefore
 * overwritten in the finished archive (they are outside the CRCs).
 */
export function zipDeterministic(files: [path: string, bytes: Uint8Array][]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: string }]> = {};
  // The fixed mtime only keeps fflate from reading the clock; it is overwritten below.
  for (const [path, bytes] of files) entries[path] = [bytes, { mtime: '2000-01-01T12:00:00Z' }];
  const zip = zipSync(entries, { level: 6 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) throw new Error('fflate wrote an unexpected zip layout');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_ENTRY) throw new Error('fflate wrote an unexpected zip layout');
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_ENTRY) throw new Error('fflate wrote an unexpected zip layout');
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/** Zip compression methods other tools write that the workbench cannot read, by their number in the zip format. */
const UNREADABLE_METHODS: ReadonlyMap<number, string> = new Map([
  [9, 'Deflate64'],
  [12, 'bzip2'],
  [14, 'LZMA'],
  [93, 'Zstandard'],
  [95, 'XZ'],
  [99, 'AES encryption'],
]);

/** Stored (0) and deflate (8) are what the workbench writes and fflate reads; any other method is named. */
function checkCompression(name: string, method: number): void {
  if (method === 0 || method === 8) return;
  const known = UNREADABLE_METHODS.get(method);
  throw new WorkbenchError(
    'bundle.unsupported_compression',
    `"${name}" in the zip is compressed with ${known ?? `method ${method}`}, which the workbench does not read. Zip the bundle's files again with ordinary (deflate) compression, or export the model again from the workbench.`,
  );
}

/**
 * Reads every file of a zip (directory entries are skipped). Refuses, with a
 * WorkbenchError, anything that is not a zip, a truncated or damaged zip
 * (naming the entry that fails), duplicate names, names that escape the
 * folder (`../`, absolute), sizes a header cannot honestly claim, and
 * archives that would unpack to more than {@link MAX_UNZIPPED_BYTES}.
 */
export function unzipFiles(bytes: Uint8Array): Map<string, Uint8Array> {
  // Zips start with a local file header ("PK\3\4"); checking it first gives images, CSVs… a clear message.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) {
    throw new WorkbenchError(
      'bundle.not_zip',
      'This file is not a zip archive, so it cannot be a model bundle. Choose the .zip file that the workbench exported.',
    );
  }
  const seen = new Set<string>();
  let total = 0;
  let current: string | null = null;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        if (seen.has(file.name)) {
          throw new WorkbenchError(
            'bundle.duplicate_file',
            `The zip holds "${file.name}" twice, so it is not clear which one to use. Export the model again from the workbench.`,
          );
        }
        seen.add(file.name);
        checkEntryName(file.name);
        checkCompression(file.name, file.compression);
        // Deflate never shrinks data below ~1/1032 nor grows it by more than a few bytes per block: a
        // header that claims less than the compressed data could hold is lying, and fflate would
        // spend the time inflating everything only to keep the claimed size.
        if (file.size > file.originalSize + (file.originalSize >> 8) + 1024) {
          throw new WorkbenchError(
            'bundle.damaged',
            `"${file.name}" in the zip claims to unpack to ${file.originalSize} bytes from ${file.size} compressed bytes, which is impossible: the zip is damaged or was crafted. Choose the .zip file that the workbench exported.`,
          );
        }
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) {
          throw new WorkbenchError(
            'bundle.too_large',
            `The zip would unpack to more than ${MAX_UNZIPPED_BYTES / 1024 ** 3} GiB, far more than any model bundle. Choose the .zip file that the workbench exported.`,
          );
        }
        current = file.name;
        return !file.name.endsWith('/');
      },
    });
  } catch (cause) {
    if (cause instanceof WorkbenchError) throw cause;
    const where = current === null ? 'The zip' : `"${current}" in the zip`;
    throw new WorkbenchError(
      'bundle.damaged',
      `${where} cannot be read: the file is truncated or damaged. Export the model again from the workbench and copy the whole file.`,
      { cause },
    );
  }
  return new Map(Object.entries(unzipped));
}

/**
 * Refuses entry names that point outside the bundle's folder if anyone
 * unpacked the zip: `..` segments, absolute paths, drive letters, and
 * backslashes (a path separator on Windows).
 */
function checkEntryName(name: string): void {
  const unsafe =
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..');
  if (unsafe) {
    throw new WorkbenchError(
      'bundle.unsafe_name',
      `The zip holds an entry named "${name}", which points outside the bundle's folder; a workbench export never does. Choose the .zip file that the workbench exported.`,
      { details: { file: name } },
    );
  }
}
