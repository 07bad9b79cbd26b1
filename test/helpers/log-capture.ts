import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';

/** A real pino logger whose lines land in memory, for specs that read what the app logs. */
export function captureLogs(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}
