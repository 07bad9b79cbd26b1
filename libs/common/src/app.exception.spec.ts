import { ApiErrorCode, AppException, libException } from './app.exception.js';

enum ThingCode {
  THING_NOT_FOUND = 'THING_NOT_FOUND',
  THING_TAKEN = 'THING_TAKEN',
}

function apiCode(code: ThingCode): ApiErrorCode {
  switch (code) {
    case ThingCode.THING_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ThingCode.THING_TAKEN:
      return ApiErrorCode.CONFLICT;
  }
}

class ThingsException extends libException(apiCode) {}

describe(libException.name, () => {
  it('makes a lib’s exception: its name, its reason, the client code its switch maps it to', () => {
    const sut = new ThingsException('This thing is taken.', ThingCode.THING_TAKEN, ['input.id']);
    expect(sut).toBeInstanceOf(AppException);
    expect(sut).toBeInstanceOf(ThingsException);
    expect(sut).toMatchObject({
      name: 'ThingsException',
      message: 'This thing is taken.',
      code: 'CONFLICT',
      reason: 'THING_TAKEN',
      fields: ['input.id'],
    });
  });
});
