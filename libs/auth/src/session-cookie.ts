import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'albergue_session';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type CookieToken =
  { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/** Finds the session token in a Cookie header. Anything that is not one of our tokens is malformed. */
export function readSessionCookie(header: string | string[] | undefined): CookieToken {
  const text = Array.isArray(header) ? header.join('; ') : (header ?? '');
  const values = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SESSION_COOKIE}=`))
    .map((part) => part.slice(SESSION_COOKIE.length + 1));
  if (values.length === 0) {
    return { kind: 'none' };
  }
  if (values.length > 1 || !TOKEN.test(values[0])) {
    return { kind: 'malformed' };
  }
  return { kind: 'token', token: values[0] };
}

/** HttpOnly (no script can read it), SameSite=Lax, Secure over https; a session cookie unless maxAge. */
export function sessionCookie(
  token: string,
  { secure, maxAgeSeconds }: { secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', { secure, maxAgeSeconds: 0 });
}
