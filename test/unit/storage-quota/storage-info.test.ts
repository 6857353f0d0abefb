import { afterEach, describe, expect, it, vi } from 'vitest';
import { getStorageInfo, requestPersistence } from '../../../src/adapters/storage-quota/storage-info.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('storage info', () => {
  it('reports usage, quota and persistence from navigator.storage', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        estimate: async () => ({ usage: 1234, quota: 10_000_000_000 }),
        persisted: async () => false,
        persist: async () => true,
      },
    });
    expect(await getStorageInfo()).toEqual({ usageBytes: 1234, quotaBytes: 10_000_000_000, persisted: false });
    expect(await requestPersistence()).toBe(true);
  });

  it('answers null and false when the API is absent', async () => {
    vi.stubGlobal('navigator', {});
    expect(await getStorageInfo()).toEqual({ usageBytes: null, quotaBytes: null, persisted: null });
    expect(await requestPersistence()).toBe(false);
  });

  it('answers null for a part that throws and keeps the parts that work', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        estimate: async () => {
          throw new DOMException('not allowed', 'SecurityError');
        },
        persisted: async () => true,
        persist: () => Promise.reject(new Error('denied')),
      },
    });
    expect(await getStorageInfo()).toEqual({ usageBytes: null, quotaBytes: null, persisted: true });
    expect(await requestPersistence()).toBe(false);
  });
});
