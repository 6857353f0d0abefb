/**
 * Reads a picked or dropped file into memory as one ArrayBuffer, ready to be
 * transferred (not copied) to the data worker.
 *
 * @example
 * const bytes = await readFileBytes(input.files[0]);
 */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return file.arrayBuffer();
}
