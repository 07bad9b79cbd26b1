import { ALLOWED_TRANSITIONS, isAllowedTransition, nextAsylumSteps } from './asylum-track.js';
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

describe(nextAsylumSteps.name, () => {
  it('offers exactly the steps the change allows without an override', () => {
    for (const from of Object.values(AsylumStatus)) {
      const offered = nextAsylumSteps(from);
      for (const to of Object.values(AsylumStatus)) {
        expect(offered.includes(to)).toBe(isAllowedTransition(from, to));
      }
    }
  });

  it('offers nothing after a final decision or for an anonymised record', () => {
    expect(nextAsylumSteps(AsylumStatus.RECOGNISED)).toEqual([]);
    expect(nextAsylumSteps(AsylumStatus.NOT_STARTED, true)).toEqual([]);
  });

  it('hands out a copy, so that no caller can change the rule', () => {
    nextAsylumSteps(AsylumStatus.NOT_STARTED).push(AsylumStatus.RECOGNISED);
    expect(isAllowedTransition(AsylumStatus.NOT_STARTED, AsylumStatus.RECOGNISED)).toBe(false);
  });
});
