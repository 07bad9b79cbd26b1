import { io } from 'socket.io-client';
import type { Store } from './store';
import type { Shelter } from './types';

export type Connection = 'live' | 'reconnecting' | 'offline';

type WatchReply =
  | { ok: true; resync?: boolean; serverTime: string; shelters?: Shelter[] }
  | { ok: false; code: string };

/**
 * Updates over the `/public` socket: on every (re)connection the page says which versions it
 * holds and gets what moved (or fetches the snapshot again when told that is cheaper). The finder
 * watches every area (`*`): its list and "nearest" need the whole network.
 */
export function connectLive(
  store: Store,
  refetch: () => Promise<void>,
  onConnection: (state: Connection) => void,
): void {
  const socket = io('/public');
  const state = () =>
    onConnection(socket.connected ? 'live' : navigator.onLine ? 'reconnecting' : 'offline');
  socket.on('connect', () => {
    socket.emit('watch', { areas: ['*'], known: store.known() }, (reply: WatchReply) => {
      if (!reply.ok) {
        return;
      }
      store.live();
      if (reply.resync) {
        void refetch();
      } else {
        store.apply(reply.shelters ?? [], reply.serverTime);
      }
      state();
    });
  });
  socket.on('availability', (update: { serverTime: string; shelters: Shelter[] }) =>
    store.apply(update.shelters, update.serverTime),
  );
  socket.on('disconnect', state);
  window.addEventListener('online', state);
  window.addEventListener('offline', state);
  state();
}
