import { jest } from '@jest/globals';
import {
  type Shelter,
  type StaffListeners,
  type StaffNotifier,
  StaffNotifiers,
} from '@albergue/shelters';
import { Logger } from '@nestjs/common';
import { StaffDispatch } from './staff-dispatch.js';

const LISTENING: StaffListeners = {
  shelters: ['s-1', 's-2'],
  boards: ['s-1'],
  health: [],
  services: [],
  network: false,
};
const shelter = (id: string) => ({ id, availabilityVersion: 1 }) as Shelter;
const send = () => undefined;

/** A failure whose message a log must never carry (it could hold what the notifier was sending). */
class QueryFailedError extends Error {
  override name = 'QueryFailedError';
}

function setup(...notifiers: StaffNotifier[]) {
  const registry = new StaffNotifiers();
  notifiers.forEach((notifier) => registry.register(notifier));
  return new StaffDispatch(registry);
}

describe(StaffDispatch.name, () => {
  let warn: jest.SpiedFunction<Logger['warn']>;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('calls each registered notifier at each moment, in the order they registered', async () => {
    const calls: string[] = [];
    const record = (name: string): StaffNotifier => ({
      name,
      onConnect: ({ socket }) => void calls.push(`${name} connect ${socket.boards.join()}`),
      onChange: ({ shelter }) => void calls.push(`${name} change ${shelter.id}`),
      onCheck: ({ listening }) => void calls.push(`${name} check ${listening.boards.join()}`),
    });
    const sut = setup(record('first'), { name: 'quiet' }, record('second'));

    await sut.connected({ socket: LISTENING, reply: send, known: () => undefined });
    await sut.changed([shelter('s-1'), shelter('s-2')], LISTENING, send);
    await sut.check({ listening: LISTENING, send });

    expect(calls).toEqual([
      'first connect s-1',
      'second connect s-1',
      'first change s-1',
      'second change s-1',
      'first change s-2',
      'second change s-2',
      'first check s-1',
      'second check s-1',
    ]);
    expect(sut.undelivered).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('on reconnecting, lets the notifiers that catch up do so, and counts one that fails', async () => {
    const calls: string[] = [];
    const sut = setup(
      { name: 'quiet' },
      {
        name: 'lost',
        onReconnect: () => Promise.reject(new QueryFailedError('Cita Próxima')),
      },
      {
        name: 'referrals',
        onReconnect: ({ listening }) => void calls.push(`catch up ${listening.shelters.join()}`),
      },
    );

    await expect(sut.reconnected({ listening: LISTENING, send })).resolves.toBeUndefined();

    expect(calls).toEqual(['catch up s-1,s-2']);
    expect(sut.undelivered).toBe(1);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'lost on reconnect not sent to shelters s-1, s-2: QueryFailedError',
    ]);
  });

  it('counts and logs a notifier that fails, by the shelters’ ids, and still runs the others', async () => {
    const ran: string[] = [];
    const failing: StaffNotifier = {
      name: 'board',
      onConnect: () => Promise.reject(new QueryFailedError('Cita Próxima')),
      onChange: ({ shelter }) => {
        if (shelter.id === 's-1') {
          throw new QueryFailedError('Cita Próxima');
        }
        ran.push(`board change ${shelter.id}`);
      },
      onCheck: () => Promise.reject(new Error('Cita Próxima')),
    };
    const after: StaffNotifier = {
      name: 'appointments',
      onConnect: () => void ran.push('appointments connect'),
      onChange: ({ shelter }) => void ran.push(`appointments change ${shelter.id}`),
      onCheck: () => void ran.push('appointments check'),
    };
    const sut = setup(failing, after);

    await expect(
      sut.connected({ socket: LISTENING, reply: send, known: () => undefined }),
    ).resolves.toBeUndefined();
    await expect(
      sut.changed([shelter('s-1'), shelter('s-2')], LISTENING, send),
    ).resolves.toBeUndefined();
    await expect(sut.check({ listening: LISTENING, send })).resolves.toBeUndefined();

    expect(ran).toEqual([
      'appointments connect',
      'appointments change s-1',
      'board change s-2',
      'appointments change s-2',
      'appointments check',
    ]);
    expect(sut.undelivered).toBe(3);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'board on connect not sent to shelters s-1, s-2: QueryFailedError',
      'board on change not sent to shelters s-1: QueryFailedError',
      'board on check not sent to shelters s-1, s-2: Error',
    ]);
  });
});
