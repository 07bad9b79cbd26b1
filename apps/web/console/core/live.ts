import { ApiErrorCode, type StaffClientEvents, type StaffServerEvents } from '@albergue/contracts';
import { type Signal, signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';

export type Connection = 'live' | 'reconnecting' | 'offline';

export type StaffEvent = keyof StaffServerEvents;
type Payload<E extends StaffEvent> = Parameters<StaffServerEvents[E]>[0];

/**
 * The `/staff` socket, typed by the contract both sides read. The session cookie is checked at
 * its handshake; a refusal (`UNAUTHENTICATED`) or a `signedOut` notice means the session is gone.
 * Screens subscribe with `on` and unsubscribe with what it returns (useStaffEvent does both).
 */
export interface Live {
  connection: Signal<Connection>;
  /** Bumped on every (re)connection: screens refetch what they may have missed while away. */
  connections: Signal<number>;
  on<E extends StaffEvent>(event: E, handler: (payload: Payload<E>) => void): () => void;
  close(): void;
}

export function connectStaff(onSessionEnded: () => void): Live {
  const socket: Socket<StaffServerEvents, StaffClientEvents> = io('/staff', {
    withCredentials: true,
  });
  const connection = signal<Connection>('reconnecting');
  const connections = signal(0);
  const state = () => {
    connection.value = socket.connected ? 'live' : navigator.onLine ? 'reconnecting' : 'offline';
  };
  socket.on('connect', () => {
    connections.value += 1;
    state();
  });
  socket.on('disconnect', state);
  socket.on('connect_error', (error) => {
    state();
    const code = (error as Error & { data?: { code?: ApiErrorCode } }).data?.code;
    if (code === ApiErrorCode.UNAUTHENTICATED) {
      // Not worth retrying until someone signs in again (the console reconnects then).
      socket.disconnect();
      onSessionEnded();
    }
  });
  socket.on('signedOut', () => onSessionEnded());
  addEventListener('online', state);
  addEventListener('offline', state);
  return {
    connection,
    connections,
    on(event, handler) {
      // socket.io's typed `on` takes the event map's own listener type.
      const listener = handler as unknown as StaffServerEvents[typeof event];
      socket.on(event, listener as never);
      return () => {
        socket.off(event, listener as never);
      };
    },
    close() {
      removeEventListener('online', state);
      removeEventListener('offline', state);
      socket.disconnect();
    },
  };
}
