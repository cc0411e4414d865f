/**
 * How tabs of the app tell each other they are open and that they saved: a BroadcastChannel in
 * the browser, a hub in memory for tests. Messages only speed up what the autosave slot's stamps
 * decide anyway (autosave.ts): a lost message never lets a tab save over another's work.
 */
import type { Stamp } from './types';

export type TabMessage =
  | { readonly type: 'hello'; readonly tab: string }
  | { readonly type: 'here'; readonly tab: string }
  | { readonly type: 'bye'; readonly tab: string }
  | { readonly type: 'saved'; readonly tab: string; readonly stamp: Stamp };

export interface TabChannel {
  /** Sends to every other tab (never to this one). */
  post(message: TabMessage): void;
  listen(handler: (message: TabMessage) => void): void;
  close(): void;
}

export function broadcastTabChannel(name = 'netpol-canvas'): TabChannel {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => channel.addEventListener('message', (event: MessageEvent<TabMessage>) => handler(event.data)),
    close: () => channel.close(),
  };
}

/** Channels that reach each other, asynchronously like BroadcastChannel (tests). */
export function memoryTabHub(): () => TabChannel {
  const channels = new Set<{ handlers: ((m: TabMessage) => void)[] }>();
  return () => {
    const self = { handlers: [] as ((m: TabMessage) => void)[] };
    channels.add(self);
    return {
      post(message) {
        for (const other of channels)
          if (other !== self)
            for (const handler of other.handlers) queueMicrotask(() => channels.has(other) && handler(structuredClone(message)));
      },
      listen: (handler) => void self.handlers.push(handler),
      close: () => void channels.delete(self),
    };
  };
}
