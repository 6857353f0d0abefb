import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of large byte arrays, as lowercase hex. Uses WebCrypto (native,
 * available in browsers, workers and Node ≥ 20), which is asynchronous.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest));
}

/**
 * SHA-256 of a string's UTF-8 bytes, synchronously. For small inputs such as
 * audit events: an IndexedDB transaction commits itself when the code awaits
 * anything else, so the chain hash must be computed without awaiting.
 */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
