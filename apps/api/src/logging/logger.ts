import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/config.schema.js';

export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'albergue' } });
}

/** Nest's own messages (module init, routes) go through the same structured logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  /**
   * Nest hands resolver errors here as Error objects (its ExternalExceptionFilter); their messages
   * can quote submitted values (PostgreSQL's "invalid input syntax ... "x""), so only the kind of
   * error and where it was thrown are logged, never the message.
   */
  error(message: unknown, trace?: string, context?: string): void {
    if (message instanceof Error) {
      const { code } = message as { code?: unknown };
      this.logger.error(
        {
          context,
          errorType: message.name,
          code,
          stack: message.stack?.split('\n').slice(1).join('\n'),
        },
        'error',
      );
      return;
    }
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
