import { AppException, ApiErrorCode } from '@albergue/common';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { formatGraphQLError, withoutValues } from './graphql-errors.js';

describe(withoutValues.name, () => {
  it.each([
    [
      'Int cannot represent non-integer value: "Marisol"',
      'Int cannot represent non-integer value.',
    ],
    [
      'Float cannot represent non numeric value: "Marisol"',
      'Float cannot represent non numeric value.',
    ],
    [
      'Value "MARISOL" does not exist in "Population" enum. Did you mean the enum value "MEN"?',
      'Value does not exist in "Population" enum.',
    ],
    [
      'Expected value of type "Population", found MARISOL; Did you mean "MEN"?',
      'Expected value of type "Population".',
    ],
    [
      'Field "lat" of required type "Float!" was not provided.',
      'Field "lat" of required type "Float!" was not provided.',
    ],
    [
      'Enum "Population" cannot represent non-enum value: "Marisol". Did you mean the enum value "MEN"?',
      'Enum "Population" cannot represent non-enum value.',
    ],
    [
      'Enum "ShelterStatus" cannot represent non-enum value: [Marisol, "a: b"].',
      'Enum "ShelterStatus" cannot represent non-enum value.',
    ],
    ['Population cannot represent value: "Marisol"', 'Population cannot represent value.'],
    [
      'Field "Marisol \\" is not defined by type "X"." is not defined by type "ShelterFilter".',
      'An input field is not defined by type "ShelterFilter".',
    ],
    [
      'Field "secretNotes" is not defined by type "ShelterFilter".',
      'Field "secretNotes" is not defined by type "ShelterFilter".',
    ],
    ['Syntax Error: Unexpected Name "Marisol".', 'Syntax Error: Unexpected Name.'],
    [
      'Syntax Error: Expected ":", found String "Marisol 55 1234".',
      'Syntax Error: Expected ":", found String.',
    ],
    ['Syntax Error: Unterminated string.', 'Syntax Error: Unterminated string.'],
    ['Syntax Error: Invalid character: "\\u0007".', 'Syntax Error: Invalid character.'],
    [
      'Syntax Error: Invalid number, unexpected digit after 0: "5".',
      'Syntax Error: Invalid number, unexpected digit after 0.',
    ],
    ['Syntax Error: Unexpected character: "~".', 'Syntax Error: Unexpected character.'],
  ])('%s', (message, expected) => {
    expect(withoutValues(message)).toBe(expected);
  });

  it('keeps the variable and the path of a variable error, and drops its value even when the value imitates the format', () => {
    const inner = 'String cannot represent a non string value: 5512345678';
    const message = `Variable "$input" got invalid value { name: "Marisol at \\"x\\"; " } at "input.contact.phone"; ${inner}`;
    expect(withoutValues(message, inner)).toBe(
      'Variable "$input" got an invalid value at "input.contact.phone"; String cannot represent a non string value.',
    );
  });
});

describe(formatGraphQLError.name, () => {
  const wrap = (original?: Error, message = original?.message ?? 'x') =>
    new GraphQLError(message, { originalError: original, path: ['shelters'] });

  it('carries an AppException code, reason and fields', () => {
    const sut = formatGraphQLError(
      wrap(
        new AppException('No shelter has this id.', ApiErrorCode.NOT_FOUND, 'SHELTER_NOT_FOUND', [
          'id',
        ]),
      ),
    );
    expect(sut.error).toMatchObject({
      message: 'No shelter has this id.',
      extensions: { code: 'NOT_FOUND', reason: 'SHELTER_NOT_FOUND', fields: ['id'] },
    });
    expect(sut.unexpected).toBeUndefined();
  });

  it('carries an AppException’s details as extensions.details, and no details key without them', () => {
    const current = { shelterId: 's1', version: 7 };
    const stale = formatGraphQLError(
      wrap(
        new AppException('Changed.', ApiErrorCode.CONFLICT, 'STALE_REPORT', ['knownVersion'], {
          current,
        }),
      ),
    );
    expect(stale.error.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_REPORT',
      fields: ['knownVersion'],
      details: { current },
    });
    const plain = formatGraphQLError(
      wrap(new AppException('No.', ApiErrorCode.NOT_FOUND, 'SHELTER_NOT_FOUND')),
    );
    expect(plain.error.extensions).not.toHaveProperty('details');
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(formatGraphQLError(wrap(new ForbiddenException())).error.extensions).toEqual({
      code: 'FORBIDDEN',
    });
  });

  it('hides an unexpected error behind a generic message, and reports it for the log without its message', () => {
    const sqlError = Object.assign(
      new Error('duplicate key value violates unique constraint: Key (name)=(Marisol)'),
      { code: '23505' },
    );
    const sut = formatGraphQLError(wrap(sqlError));
    expect(sut.error).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(sut)).not.toContain('Marisol');
    expect(sut.unexpected).toMatchObject({ type: 'Error', code: '23505' });
  });

  it('names syntax and validation errors apart from bad values', () => {
    expect(
      formatGraphQLError(new GraphQLError('Syntax Error: Expected Name, found <EOF>.')).error
        .extensions,
    ).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(
      formatGraphQLError(new GraphQLError('Cannot query field "password" on type "Shelter".')).error
        .extensions,
    ).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(
      formatGraphQLError(new GraphQLError('Int cannot represent non-integer value: 1.5')).error
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('database refusals', () => {
  const queryFailed = (code: string, message: string) =>
    new GraphQLError(message, {
      originalError: Object.assign(new Error(message), { name: 'QueryFailedError', code }),
    });

  it.each([
    ['23502', 'BAD_USER_INPUT'],
    ['22P02', 'BAD_USER_INPUT'],
    ['22021', 'BAD_USER_INPUT'],
    ['23503', 'NOT_FOUND'],
    ['23505', 'CONFLICT'],
    ['57P01', 'SERVICE_UNAVAILABLE'],
    ['08006', 'SERVICE_UNAVAILABLE'],
  ])('%s becomes %s, without the database message', (code, expected) => {
    const sut = formatGraphQLError(
      queryFailed(code, 'invalid input syntax for type uuid: "Marisol"'),
    );
    expect(sut.error.extensions).toEqual({ code: expected });
    expect(sut.error.message).not.toContain('Marisol');
    expect(sut.unexpected).toBeUndefined();
  });
});

describe('a database that went away', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
  ])('is SERVICE_UNAVAILABLE (try again), not an internal error: %s', (original) => {
    const sut = formatGraphQLError(new GraphQLError(original.message, { originalError: original }));
    expect(sut.error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(sut.unexpected).toBeUndefined();
  });
});

describe('graphql-jit variable messages', () => {
  it('keep the variable name and drop everything after it', () => {
    const message =
      'Variable "$input" got invalid value { email: "maria@x.example", password: 12345 }; Expected type String.';
    expect(withoutValues(message)).toBe('Variable "$input" got an invalid value.');
  });
});
