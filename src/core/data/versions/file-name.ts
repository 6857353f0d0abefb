/**
 * A file name without its directory and last extension: the default name of
 * a dataset version saved from that file.
 *
 * @example
 * baseName('data/penguins.csv'); // 'penguins'
 * baseName('archive.tar.gz');    // 'archive.tar'
 */
export function baseName(fileName: string): string {
  const file = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
