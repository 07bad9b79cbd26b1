import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonException, CommonExceptionCode } from './app.exception.js';
import { type ClusterJob, ClusterJobs, type JobOutcome } from './cluster-jobs.js';
import { RequestLog } from './request-log.entity.js';

export interface IdempotentRequest {
  requestId: string;
  /** The mutation's name: the same id used for another operation is a client bug. */
  operation: string;
  /** The input, without its requestId. */
  payload: unknown;
}

export interface IdempotentResult {
  id: string;
  /** True when an earlier request with this id already acted and nothing was done now. */
  replayed: boolean;
}

/** JSON with object keys sorted, so that the same input always hashes the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** How long a requestId is remembered: retries come within minutes, not days. */
export const REQUEST_LOG_RETENTION_MS = 86_400_000;

const REQUEST_LOG_RETENTION: ClusterJob = { name: 'request-log-retention', everyMs: 3_600_000 };

/**
 * A keyed hash (HMAC) of a request's input. A plain hash of a registration would let anyone with
 * a copy of the database confirm a guessed name and birth year; the key comes from the residents'
 * data key (the app wires it), like the look-up keys.
 */
export type RequestFingerprint = (stableInput: string) => string;
export const REQUEST_FINGERPRINT = Symbol('albergue:request-fingerprint');

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REQUEST_FINGERPRINT) private readonly fingerprint: RequestFingerprint,
    private readonly jobs: ClusterJobs,
  ) {}

  /** Prunes the log hourly, once per cluster; checked every ten minutes so restarts do not put it off. */
  @Interval(REQUEST_LOG_RETENTION.name, 600_000)
  pruneJob(): Promise<JobOutcome> {
    return this.jobs.once(REQUEST_LOG_RETENTION, () => this.prune());
  }

  /**
   * Forgets requests older than a day. The log holds a keyed hash of each input, which for a
   * registration covers names and documents; it must not outlive its use.
   */
  async prune(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM request_log WHERE created_at < now() - make_interval(secs => $1)',
      [REQUEST_LOG_RETENTION_MS / 1000],
    );
    return deleted;
  }

  /**
   * One act of a creating or moving mutation, at most once per requestId: a transaction in
   * which `act` gets the input without its requestId, and returns the id of what it made or
   * moved. A retry (the same requestId and input) returns that id and acts no more.
   */
  run<T extends { requestId: string }>(
    operation: string,
    input: T,
    act: (manager: EntityManager, payload: Omit<T, 'requestId'>) => Promise<string>,
  ): Promise<IdempotentResult> {
    const { requestId, ...payload } = input;
    return this.dataSource.transaction((manager) =>
      this.once(manager, { requestId, operation, payload }, () => act(manager, payload)),
    );
  }

  /**
   * Runs `act` at most once per requestId. Must be called inside the caller's transaction:
   * a concurrent retry blocks on the request_log primary key until the first transaction ends,
   * then finds its result (or, if it rolled back, acts itself).
   */
  async once(
    manager: EntityManager,
    request: IdempotentRequest,
    act: () => Promise<string>,
  ): Promise<IdempotentResult> {
    const payloadHash = this.fingerprint(stableJson(request.payload));
    const inserted: unknown[] = await manager.query(
      `INSERT INTO request_log (request_id, operation, payload_hash) VALUES ($1, $2, $3)
       ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
      [request.requestId, request.operation, payloadHash],
    );
    if (inserted.length === 0) {
      const earlier = await manager.findOneByOrFail(RequestLog, { requestId: request.requestId });
      if (
        earlier.operation !== request.operation ||
        earlier.payloadHash !== payloadHash ||
        !earlier.resultId
      ) {
        throw new CommonException(
          'This requestId was already used for a different request. Use a new requestId for a new request.',
          CommonExceptionCode.REQUEST_ID_REUSED,
          ['requestId'],
        );
      }
      return { id: earlier.resultId, replayed: true };
    }
    const id = await act();
    await manager.update(RequestLog, { requestId: request.requestId }, { resultId: id });
    return { id, replayed: false };
  }
}
