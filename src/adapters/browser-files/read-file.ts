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

/** The first file of a drop, or null when the drop carried no file (e.g. dragged text). */
export function firstDroppedFile(transfer: DataTransfer | null): File | null {
  const files = transfer?.files;
  return files && files.length > 0 ? files[0] : null;
}
