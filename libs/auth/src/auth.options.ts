export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** A session unused for this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after login, however active. */
  sessionMaxMs: number;
  /** Failed logins within the lockout window before an account is locked for that window. */
  loginMaxFailuresPerAccount: number;
  /** The same for one address, so that many accounts cannot be tried from one place. */
  loginMaxFailuresPerAddress: number;
  loginLockoutMs: number;
  /** How long an admin's reset token stays valid. */
  resetTokenMs: number;
  /**
   * A field visit's membership (a mobile health team's HEALTH_WORKER role in a shelter it
   * visits) lasts at most this (FIELD_VISIT_MAX): memberships are auth's, so is their limit.
   */
  fieldVisitMaxMs: number;
}
