import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from './client-address.js';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe(clientAddress.name, () => {
  it('is the peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress(request('10.0.0.9', '1.2.3.4'), 0)).toBe('10.0.0.9');
  });

  it('reads as many hops from the right as there are trusted proxies', () => {
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2'), 2)).toBe('1.2.3.4');
  });

  it('stops at the leftmost entry when the chain is shorter than the hops', () => {
    expect(clientAddress(request('10.0.0.1', '1.2.3.4'), 5)).toBe('1.2.3.4');
    expect(clientAddress(request('10.0.0.1'), 1)).toBe('10.0.0.1');
  });
});
