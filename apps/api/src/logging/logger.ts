import { AppException } from '@albergue/common';
import { HttpException, type LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/config.schema.js';
import { databaseError } from '../graphql/graphql-errors.js';

export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'albergue' } });
}

const REFUSALS = new Set([
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
]);

/**
 * An expected refusal (a lib's AppException with a client code, or Nest's 4xx HttpException):
 * its kind, code and reason, without the message (which may name what was sent).
 */
function refusalOf(error: unknown): { errorType: string; code: string; reason?: string } | null {
  if (error instanceof AppException && REFUSALS.has(error.code)) {
    return { errorType: error.name, code: error.code, reason: error.reason };
  }
  if (error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500) {
    return { errorType: error.name, code: `HTTP_${error.getStatus()}` };
  }
  // PostgreSQL refusing what the client sent (a null, a duplicate): answered as a client error.
  const database = error instanceof Error ? databaseError(error) : null;
  if (database && REFUSALS.has(database.code)) {
    return {
      errorType: (error as Error).name,
      code: database.code,
      reason: String((error as { code?: unknown }).code),
    };
  }
  return null;
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
    const refusal = refusalOf(message);
    if (refusal) {
      // An answer to the client, not a fault: one line, no stack, never at error, so that a
      // burst of refusals cannot bury the faults.
      const level =
        refusal.code === 'FORBIDDEN' || refusal.code === 'UNAUTHENTICATED' ? 'warn' : 'info';
      this.logger[level]({ context, ...refusal }, 'refused');
      return;
    }
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
