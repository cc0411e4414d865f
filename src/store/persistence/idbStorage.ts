/** KeyValueStorage on IndexedDB, through idb-keyval's store helper (one database, one object store). */
import { createStore, promisifyRequest } from 'idb-keyval';
import type { KeyValueStorage } from './storage';

export function idbStorage(database = 'netpol-canvas', objectStore = 'keep'): KeyValueStorage {
  const use = createStore(database, objectStore);
  return {
    get: <T>(key: string) => use('readonly', (store) => promisifyRequest<T | undefined>(store.get(key))),
    update: <T>(key: string, change: (current: T | undefined) => T | undefined) =>
      use('readwrite', (store) => {
        const read = store.get(key);
        // Written in the request's own callback, as idb-keyval's `update` does: the transaction
        // is certainly still active there, so the read and the write are one transaction.
        read.onsuccess = () => {
          const next = change(read.result as T | undefined);
          if (next !== undefined) store.put(next, key);
        };
        return promisifyRequest(store.transaction);
      }),
  };
}
