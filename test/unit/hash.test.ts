import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexSync } from '../../src/core/hash/sha256.ts';
import { canonicalJson } from '../../src/core/hash/canonical-json.ts';

describe('sha256', () => {
  it('matches the FIPS 180-2 test vector for "abc", sync and async', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256HexSync('abc')).toBe(abc);
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(abc);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
  it('refuses NaN instead of writing null', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(/non-finite/);
  });
});
