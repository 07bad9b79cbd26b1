import { ALLOWED_TRANSITIONS, isAllowedTransition } from './asylum-track.js';
import { AsylumStatus } from './residents.enums.js';

describe(isAllowedTransition.name, () => {
  it('follows the procedure forward', () => {
    expect(isAllowedTransition(AsylumStatus.NOT_STARTED, AsylumStatus.PRE_REGISTERED)).toBe(true);
    expect(
      isAllowedTransition(AsylumStatus.PRE_REGISTERED, AsylumStatus.APPOINTMENT_SCHEDULED),
    ).toBe(true);
    expect(isAllowedTransition(AsylumStatus.APPLICATION_FILED, AsylumStatus.RECOGNISED)).toBe(true);
    expect(isAllowedTransition(AsylumStatus.REJECTED, AsylumStatus.APPEAL)).toBe(true);
  });

  it('refuses skipped steps and moves out of a final decision', () => {
    expect(isAllowedTransition(AsylumStatus.NOT_STARTED, AsylumStatus.RECOGNISED)).toBe(false);
    expect(isAllowedTransition(AsylumStatus.PRE_REGISTERED, AsylumStatus.APPLICATION_FILED)).toBe(
      false,
    );
    expect(isAllowedTransition(AsylumStatus.RECOGNISED, AsylumStatus.REJECTED)).toBe(false);
  });

  it('says something for every status', () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual(Object.values(AsylumStatus).sort());
  });
});
