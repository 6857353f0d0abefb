/** The file formats a dataset can be loaded from and exported to. */
export type DataFileFormat = 'csv' | 'parquet' | 'arrow';

/**
 * The format of a data file, from its magic bytes first (Parquet starts and
 * ends with `PAR1`, an Arrow IPC file starts with `ARROW1`, an Arrow stream
 * with the 0xFFFFFFFF continuation marker), then its extension; else CSV.
 *
 * @example
 * fileFormatOf(new TextEncoder().encode('PAR1…PAR1'), 'x.bin') // 'parquet'
 */
export function fileFormatOf(bytes: Uint8Array, fileName: string): DataFileFormat {
  if (startsWith(bytes, 'PAR1')) return 'parquet';
  if (startsWith(bytes, 'ARROW1')) return 'arrow';
  if (bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)
    return 'arrow';
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (extension === 'parquet' || extension === 'pq') return 'parquet';
  if (extension === 'arrow' || extension === 'feather' || extension === 'ipc' || extension === 'arrows') return 'arrow';
  return 'csv';
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}
