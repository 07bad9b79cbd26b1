import { loadConfig } from './config.js';
import { parseDuration } from './duration.js';

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

  it('reads given values', () => {
    const sut = loadConfig({ PORT: '8080', DEMO_DATA: 'false', STALE_AFTER: '30m', TIME_ZONE: 'America/Tijuana' });
    expect(sut).toMatchObject({ PORT: 8080, DEMO_DATA: false, STALE_AFTER: 1_800_000, TIME_ZONE: 'America/Tijuana' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['FEW_THRESHOLD', '0'],
    ['FEW_THRESHOLD', '2.5'],
    ['STALE_AFTER', 'soon'],
    ['TIME_ZONE', 'Mars/Olympus_Mons'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['DATABASE_URL', 'mysql://user:secret@host/db'],
  ])('refuses %s=%s with one line naming the variable and not the value', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name} `));
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).not.toContain(value);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });
});

describe(parseDuration.name, () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['2d', 172_800_000],
    ['600', 600_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('refuses what is not a duration', () => {
    expect(parseDuration('12 hours')).toBeNull();
    expect(parseDuration('-5m')).toBeNull();
  });
});
