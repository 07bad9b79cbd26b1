import { io, type Socket } from 'socket.io-client';

export interface Recorded {
  event: string;
  payload: unknown;
}

/**
 * A real socket.io client (websocket transport, like the map after its upgrade) that records
 * every event it receives, so that specs can wait for one and privacy specs can read them all.
 */
export interface TestSocket {
  socket: Socket;
  received: Recorded[];
  /** Resolves with the first payload (already received or to come) of `event` that passes `test`. */
  next<T>(event: string, test?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves when the server closes the connection. */
  closed(timeoutMs?: number): Promise<string>;
  emit<T>(event: string, payload: unknown): Promise<T>;
  close(): void;
}

export function connect(
  baseUrl: string,
  namespace: '/public' | '/staff',
  options: { cookie?: string; origin?: string; localAddress?: string } = {},
): Promise<TestSocket> {
  const headers: Record<string, string> = {};
  if (options.cookie) {
    headers.cookie = options.cookie;
  }
  if (options.origin) {
    headers.origin = options.origin;
  }
  const socket = io(`${baseUrl}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    ...(options.localAddress ? { localAddress: options.localAddress } : {}),
  });
  const received: Recorded[] = [];
  const waiters: (() => void)[] = [];
  let closedReason: string | null = null;
  socket.onAny((event: string, payload: unknown) => {
    received.push({ event, payload });
    waiters.forEach((wake) => wake());
  });
  socket.on('disconnect', (reason) => {
    closedReason = reason;
    waiters.forEach((wake) => wake());
  });
  const waitFor = <T>(found: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = found();
        if (value !== undefined) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(check);
      check();
    });
  const client: TestSocket = {
    socket,
    received,
    next: <T>(event: string, test: (payload: T) => boolean = () => true, timeoutMs = 10_000) =>
      waitFor<T>(
        () =>
          received.find((r) => r.event === event && test(r.payload as T))?.payload as T | undefined,
        `'${event}'`,
        timeoutMs,
      ),
    closed: (timeoutMs = 10_000) =>
      waitFor<string>(() => closedReason ?? undefined, 'disconnect', timeoutMs),
    emit: <T>(event: string, payload: unknown) =>
      socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>,
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}
