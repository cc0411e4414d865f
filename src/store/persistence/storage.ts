/**
 * The key-value storage persistence runs on: IndexedDB in the browser (idbStorage.ts), a Map in
 * tests. Values are copied in and out (structured clone), as IndexedDB does.
 */
export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Reads and writes `key` as one transaction, so two tabs cannot interleave: `change` sees the
   * stored value and returns the value to store, or `undefined` to leave it as it is.
   */
  update<T>(key: string, change: (current: T | undefined) => T | undefined): Promise<void>;
}

/** Storage in memory, for tests and for browsers that refuse IndexedDB. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    async update<T>(key: string, change: (current: T | undefined) => T | undefined) {
      const next = change(structuredClone(values.get(key)) as T | undefined);
      if (next !== undefined) values.set(key, structuredClone(next));
    },
  };
}
