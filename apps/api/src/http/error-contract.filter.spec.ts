import { ApiErrorCode, AppException } from '@albergue/common';
import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import { pino } from 'pino';
import { ErrorContractFilter } from './error-contract.filter.js';

function host(type: 'http' | 'graphql') {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const argumentsHost = {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  return { argumentsHost, sent };
}

describe(ErrorContractFilter.name, () => {
  let lines: Record<string, unknown>[];
  let sut: ErrorContractFilter;

  beforeEach(() => {
    lines = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    sut = new ErrorContractFilter(log);
  });

  const refusal = new AppException(
    'Your role does not allow this here.',
    ApiErrorCode.FORBIDDEN,
    'FORBIDDEN',
    ['id'],
  );

  it('answers an HTTP route with the code’s status and the body GraphQL puts in extensions', () => {
    const { argumentsHost, sent } = host('http');
    sut.catch(refusal, argumentsHost);
    expect(sent).toEqual({
      status: 403,
      body: {
        code: 'FORBIDDEN',
        reason: 'FORBIDDEN',
        fields: ['id'],
        message: 'Your role does not allow this here.',
      },
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'refused', code: 'FORBIDDEN' }),
    ]);
    expect(lines[0]).not.toHaveProperty('stack');
  });

  it('maps Nest’s own HTTP exceptions and hides a fault behind a 500, logged with its stack', () => {
    const notFound = host('http');
    sut.catch(new NotFoundException(), notFound.argumentsHost);
    expect(notFound.sent.status).toBe(404);
    expect(notFound.sent.body).toMatchObject({ code: 'NOT_FOUND' });
    const fault = host('http');
    sut.catch(new TypeError('cannot read "Marisol"'), fault.argumentsHost);
    expect(fault.sent).toEqual({
      status: 500,
      body: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
    });
    expect(lines.at(-1)).toMatchObject({ level: 50, errorType: 'TypeError' });
    expect(JSON.stringify(lines)).not.toContain('Marisol');
  });

  it('throws GraphQL its exception again, after logging a refusal in one line at info', () => {
    const input = new AppException('Invalid input.', ApiErrorCode.BAD_USER_INPUT, 'INVALID_INPUT');
    const { argumentsHost, sent } = host('graphql');
    expect(() => sut.catch(input, argumentsHost)).toThrow(input);
    expect(sent).toEqual({});
    expect(lines).toEqual([expect.objectContaining({ level: 30, code: 'BAD_USER_INPUT' })]);
  });
});
