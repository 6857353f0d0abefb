import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../../src/adapters/folder-store/record-codec.ts';
import { decodeKey, encodeKey } from '../../../src/adapters/folder-store/workspace-layout.ts';

describe('record codec', () => {
  it('reads back what structured clone would keep: NaN, ±Infinity, −0, typed arrays, undefined in arrays', () => {
    const value = {
      nan: NaN,
      inf: [Infinity, -Infinity],
      negZero: -0,
      f64: new Float64Array([1.5, NaN, -0]),
      i32: new Int32Array([-1, 2 ** 31 - 1]),
      u8: new Uint8Array([0, 255]).subarray(1),
      holes: [1, undefined, null],
      date: new Date(0),
      nested: { deep: [{ x: 1e-320 }] },
    };
    const back = decodeRecord(encodeRecord(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.negZero, -0)).toBe(true);
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f64[2], -0)).toBe(true);
    expect(back.u8).toEqual(new Uint8Array([255]));
    expect(structuredClone(value)).toEqual(back);
  });

  it('keeps data that looks like its own tags, and a __proto__ key as data', () => {
    const value = JSON.parse('{"$wb":"NaN","inner":{"$wb":"object","value":1},"__proto__":{"polluted":true}}');
    const back = decodeRecord(encodeRecord(value)) as Record<string, unknown>;
    expect(back).toEqual(value);
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses functions, symbols, class instances and cycles as DataCloneError, naming the path', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const [value, where] of [
      [{ a: { f: () => 1 } }, '$.a.f'],
      [{ s: Symbol('x') }, '$.s'],
      [{ m: new Map() }, '$.m'],
      [cyclic, '$.self'],
    ] as const) {
      expect(() => encodeRecord(value)).toThrow(
        expect.objectContaining({ name: 'DataCloneError', message: expect.stringContaining(where) }),
      );
    }
  });
});

describe('record keys as file names', () => {
  it('round-trips keys and keeps them safe as one file name', () => {
    for (const key of ['churn@3', 'Churn', '../../etc/passwd', 'a b/c\\d:e*f?', 'é😀', '.hidden', '', '%41']) {
      const name = encodeKey(key);
      expect(name).toMatch(/^[a-z0-9_\-.@%A-F]+$/);
      expect(name.startsWith('.')).toBe(false);
      expect(decodeKey(name)).toBe(key);
    }
    expect(encodeKey('Churn')).not.toBe(encodeKey('churn'));
  });

  it('hashes a key too long for a file name', () => {
    const name = encodeKey('é'.repeat(200));
    expect(name).toMatch(/^~[0-9a-f]{64}$/);
    expect(decodeKey(name)).toBeNull();
  });
});
