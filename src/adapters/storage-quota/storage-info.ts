/** How much this origin stores, how much it may, and whether the browser may evict it. */
export interface StorageInfo {
  /** Bytes used, or null when the browser does not say. */
  usageBytes: number | null;
  /** Bytes allowed, or null when the browser does not say. */
  quotaBytes: number | null;
  /** True when the data is kept until the user erases it; null when unknown. */
  persisted: boolean | null;
}

/**
 * Reads `navigator.storage`: usage, quota and persistence. Each field is null
 * when the API is absent (an old browser, a non-secure page, Node) or fails.
 *
 * @example
 * const { usageBytes, quotaBytes, persisted } = await getStorageInfo();
 */
export async function getStorageInfo(): Promise<StorageInfo> {
  const storage = storageManager();
  const [estimate, persisted] = await Promise.all([
    attempt(() => storage?.estimate?.()),
    attempt(() => storage?.persisted?.()),
  ]);
  return {
    usageBytes: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quotaBytes: typeof estimate?.quota === 'number' ? estimate.quota : null,
    persisted: typeof persisted === 'boolean' ? persisted : null,
  };
}

/**
 * Asks the browser to keep this origin's data until the user erases it.
 * Resolves false when refused or when the API is absent; browsers may grant
 * it silently, prompt, or refuse (headless Chromium refuses by default).
 */
export async function requestPersistence(): Promise<boolean> {
  return (await attempt(() => storageManager()?.persist?.())) === true;
}

function storageManager(): Partial<StorageManager> | undefined {
  return (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage;
}

/** The value, or undefined if calling or awaiting it throws. */
async function attempt<T>(call: () => Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}
