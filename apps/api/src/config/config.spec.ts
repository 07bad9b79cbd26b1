import { loadConfig } from './config.js';
import { parseDuration } from './duration.js';

function messageOf(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    const sut = loadConfig({});
    expect(sut).toMatchObject({
      PORT: 3000,
      DATA_DIR: '.data',
      DEMO_DATA: true,
      STALE_AFTER: 12 * 3_600_000,
      FEW_THRESHOLD: 5,
      TIME_ZONE: 'America/Mexico_City',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
    expect(sut.DATABASE_URL).toBeUndefined();
  });

  it('turns map tiles off only when told `none`; empty is unset and keeps the default', () => {
    expect(loadConfig({ TILE_URL: 'none' }).TILE_URL).toBe('');
    expect(loadConfig({ TILE_URL: '' }).TILE_URL).toBe(
      'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    );
    expect(loadConfig({ TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' }).TILE_URL).toBe(
      'https://tiles.example/{z}/{x}/{y}.png',
    );
  });

  it('reads given values', () => {
    const sut = loadConfig({
      PORT: '8080',
      DEMO_DATA: 'false',
      STALE_AFTER: '30m',
      TIME_ZONE: 'America/Tijuana',
    });
    expect(sut).toMatchObject({
      PORT: 8080,
      DEMO_DATA: false,
      STALE_AFTER: 1_800_000,
      TIME_ZONE: 'America/Tijuana',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['FEW_THRESHOLD', '-7'],
    ['FEW_THRESHOLD', '2.5'],
    ['STALE_AFTER', 'soon'],
    ['TIME_ZONE', 'Mars/Olympus_Mons'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['DATABASE_URL', 'mysql://user:secret@host/db'],
  ])('refuses %s=%s with one line naming the variable and not the value', (name, value) => {
    const message = messageOf(() => loadConfig({ [name]: value }));
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toContain(value);
    expect(message).not.toContain('\n');
  });

  it('refuses ADMIN_PASSWORD without ADMIN_EMAIL, or one the password rules refuse', () => {
    expect(messageOf(() => loadConfig({ ADMIN_PASSWORD: 'a long enough phrase' }))).toMatch(
      /^Invalid configuration: ADMIN_PASSWORD and ADMIN_EMAIL/,
    );
    expect(
      messageOf(() => loadConfig({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'short' })),
    ).toMatch(/^Invalid configuration: ADMIN_PASSWORD must be at least 12/);
    expect(
      loadConfig({ ADMIN_EMAIL: 'a@b.example', ADMIN_PASSWORD: 'a long enough phrase' })
        .ADMIN_EMAIL,
    ).toBe('a@b.example');
  });

  it('treats an empty variable as unset', () => {
    const sut = loadConfig({ DATABASE_URL: '', PORT: '' });
    expect(sut.PORT).toBe(3000);
    expect(sut.DATABASE_URL).toBeUndefined();
  });
});

describe(parseDuration.name, () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['2d', 172_800_000],
    ['600', 600_000],
    ['250ms', 250],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('refuses what is not a duration', () => {
    expect(parseDuration('12 hours')).toBeNull();
    expect(parseDuration('-5m')).toBeNull();
    expect(parseDuration('5 mins')).toBeNull();
  });
});
