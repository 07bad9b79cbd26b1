import { ApiErrorCode } from '@albergue/contracts';
import { describe, expect, it } from '@jest/globals';
import { unanswered } from './act.js';

describe(unanswered.name, () => {
  it('keeps the requestId only while the act may or may not have happened', () => {
    // No answer, or "not now": the same act is tried again, with the same id, and acts once.
    expect(unanswered({ code: 'NETWORK', message: 'Failed to fetch' })).toBe(true);
    expect(unanswered({ code: ApiErrorCode.SERVICE_UNAVAILABLE, message: 'try again' })).toBe(true);
    // An answer, even a refusal (a retry after a change of the form included): a new act next.
    expect(
      unanswered({ code: ApiErrorCode.CONFLICT, message: '', reason: 'REQUEST_ID_REUSED' }),
    ).toBe(false);
    expect(unanswered({ code: ApiErrorCode.BAD_USER_INPUT, message: '' })).toBe(false);
    expect(unanswered(undefined)).toBe(false);
  });
});
