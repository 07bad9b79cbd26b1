import { AsylumStatus } from './residents.enums.js';

const S = AsylumStatus;

/**
 * The steps the asylum track allows without an override: the order COMAR's procedure follows.
 * Anything else (a correction, a case that jumped a step elsewhere) needs an explicit override
 * with a reason, which the history keeps.
 */
export const ALLOWED_TRANSITIONS: Record<AsylumStatus, AsylumStatus[]> = {
  [S.NOT_STARTED]: [S.PRE_REGISTERED, S.ABANDONED],
  [S.PRE_REGISTERED]: [S.APPOINTMENT_SCHEDULED, S.ABANDONED, S.MOVED_TO_ANOTHER_OFFICE],
  [S.APPOINTMENT_SCHEDULED]: [
    S.APPOINTMENT_SCHEDULED,
    S.APPLICATION_FILED,
    S.ABANDONED,
    S.MOVED_TO_ANOTHER_OFFICE,
  ],
  [S.APPLICATION_FILED]: [
    S.RECOGNISED,
    S.COMPLEMENTARY_PROTECTION,
    S.REJECTED,
    S.ABANDONED,
    S.MOVED_TO_ANOTHER_OFFICE,
  ],
  [S.REJECTED]: [S.APPEAL, S.ABANDONED],
  [S.APPEAL]: [S.RECOGNISED, S.COMPLEMENTARY_PROTECTION, S.REJECTED, S.ABANDONED],
  [S.MOVED_TO_ANOTHER_OFFICE]: [
    S.PRE_REGISTERED,
    S.APPOINTMENT_SCHEDULED,
    S.APPLICATION_FILED,
    S.ABANDONED,
  ],
  [S.RECOGNISED]: [],
  [S.COMPLEMENTARY_PROTECTION]: [],
  [S.ABANDONED]: [S.PRE_REGISTERED],
};

export function isAllowedTransition(from: AsylumStatus, to: AsylumStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/**
 * The steps a change of status may take from `from` without an override: what a screen offers.
 * None for an anonymised record, which changeAsylumStatus refuses whatever the step.
 */
export function nextAsylumSteps(from: AsylumStatus, anonymised = false): AsylumStatus[] {
  return anonymised ? [] : [...ALLOWED_TRANSITIONS[from]];
}
