import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import { clientAddress } from './client-address.js';

export interface SocketLimits {
  socketsPerAddress: number;
  maxMessageBytes: number;
  trustProxyHops: number;
}

/**
 * socket.io on the API's own HTTP server, with the abuse limits every namespace shares: a cap on
 * open connections per address (checked at the handshake) and on the size of a message (a
 * larger one closes the connection). Rooms per socket are capped by the gateways.
 */
export class RealtimeAdapter extends IoAdapter {
  private readonly open = new Map<string, number>();

  constructor(
    app: INestApplicationContext,
    private readonly limits: SocketLimits,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      maxHttpBufferSize: this.limits.maxMessageBytes,
      allowRequest: (request, answer) => {
        const address = this.addressOf(request);
        const admitted = (this.open.get(address) ?? 0) < this.limits.socketsPerAddress;
        answer(admitted ? null : 'too many connections from this address', admitted);
      },
    } as ServerOptions) as Server;
    server.engine.on(
      'connection',
      (socket: {
        request: IncomingMessage;
        once(event: 'close', listener: () => void): unknown;
      }) => {
        const address = this.addressOf(socket.request);
        this.open.set(address, (this.open.get(address) ?? 0) + 1);
        socket.once('close', () => {
          const left = (this.open.get(address) ?? 1) - 1;
          if (left > 0) {
            this.open.set(address, left);
          } else {
            this.open.delete(address);
          }
        });
      },
    );
    return server;
  }

  private addressOf(request: IncomingMessage): string {
    return clientAddress(request, this.limits.trustProxyHops);
  }
}
