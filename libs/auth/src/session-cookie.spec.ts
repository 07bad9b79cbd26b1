import {
  clearedSessionCookie,
  newToken,
  readSessionCookie,
  sessionCookie,
  tokenHash,
} from './session-cookie.js';

describe(readSessionCookie.name, () => {
  const token = newToken();

  it('finds our token among other cookies', () => {
    expect(readSessionCookie(`theme=dark; albergue_session=${token}; lang=ht`)).toEqual({
      kind: 'token',
      token,
    });
  });

  it('tells no cookie from a malformed or doubled one', () => {
    expect(readSessionCookie(undefined)).toEqual({ kind: 'none' });
    expect(readSessionCookie('theme=dark')).toEqual({ kind: 'none' });
    expect(readSessionCookie('albergue_session=abc')).toEqual({ kind: 'malformed' });
    expect(readSessionCookie(`albergue_session=${token}; albergue_session=${newToken()}`)).toEqual({
      kind: 'malformed',
    });
  });
});

describe(sessionCookie.name, () => {
  it('is HttpOnly and SameSite=Lax, Secure only when asked', () => {
    expect(sessionCookie('t', { secure: false, maxAgeSeconds: 60 })).toBe(
      'albergue_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60',
    );
    expect(sessionCookie('t', { secure: true, maxAgeSeconds: 60 })).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/^albergue_session=; .*Max-Age=0$/);
  });
});

describe(tokenHash.name, () => {
  it('stores a digest, never the token', () => {
    const token = newToken();
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
  });
});
