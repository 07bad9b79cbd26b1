import { ALL_AREAS, type PublicClientEvents, type PublicServerEvents } from '@albergue/contracts';
import { io, type Socket } from 'socket.io-client';
import type { Store } from './store';

export type Connection = 'live' | 'reconnecting' | 'offline';

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
  const socket: Socket<PublicServerEvents, PublicClientEvents> = io('/public');
  const state = () =>
    onConnection(socket.connected ? 'live' : navigator.onLine ? 'reconnecting' : 'offline');
  socket.on('connect', () => {
    socket.emit('watch', { areas: [ALL_AREAS], known: store.known() }, (reply) => {
      if (!reply.ok) {
        return;
      }
      store.live();
      if ('resync' in reply) {
        void refetch();
      } else {
        store.apply(reply.shelters, reply.serverTime);
      }
      state();
    });
  });
  socket.on('availability', (update) => store.apply(update.shelters, update.serverTime));
  socket.on('disconnect', state);
  window.addEventListener('online', state);
  window.addEventListener('offline', state);
  state();
}
