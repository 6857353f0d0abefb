/**
 * Hands bytes or text to the browser as a file download, through a
 * short-lived Blob URL: nothing leaves the machine.
 */

/**
 * Starts a download of `content` named `fileName`.
 *
 * @example
 * saveDownload('audit.jsonl', lines.join('\n'), 'application/x-ndjson');
 */
export function saveDownload(fileName: string, content: Uint8Array | string, type: string): void {
  // A copy into a fresh ArrayBuffer: a view into a larger or shared buffer is not a valid BlobPart everywhere.
  const part = typeof content === 'string' ? content : content.slice().buffer;
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
