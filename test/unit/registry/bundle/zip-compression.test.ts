import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipFiles } from '../../../../src/core/registry/bundle/deterministic-zip.ts';

/** A one-file zip whose compression method fields (local and central headers) say `method`. */
function zipWithMethod(method: number): Uint8Array {
  const zip = zipSync({ 'manifest.json': [new TextEncoder().encode('{"a":1}'), { level: 0 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  view.setUint16(8, method, true); // local file header: method at offset 8
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 10, method, true); // central header: offset 10
  }
  return zip;
}

// Item 10 of the hardening issue: a bzip2-compressed zip used to be "truncated or damaged".
describe('unzipFiles and compression methods', () => {
  it('reads stored entries', () => {
    expect(new TextDecoder().decode(unzipFiles(zipWithMethod(0)).get('manifest.json'))).toBe('{"a":1}');
  });

  it.each([
    [12, 'bzip2'],
    [14, 'LZMA'],
    [99, 'AES encryption'],
    [42, 'method 42'],
  ])('names method %i (%s) and what to do', (method, name) => {
    expect(() => unzipFiles(zipWithMethod(method))).toThrow(
      `"manifest.json" in the zip is compressed with ${name}, which the workbench does not read. Zip the bundle's files again with ordinary (deflate) compression, or export the model again from the workbench.`,
    );
  });
});
