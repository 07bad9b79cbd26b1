import { isoWithOffset } from './local-time.js';

describe(isoWithOffset.name, () => {
  it("writes Mexico City's wall clock with its offset", () => {
    expect(isoWithOffset(new Date('2026-11-30T15:00:00Z'), 'America/Mexico_City')).toBe(
      '2026-11-30T09:00:00-06:00',
    );
  });

  it('follows a zone with summer time across its change', () => {
    expect(isoWithOffset(new Date('2026-07-01T12:30:45.900Z'), 'America/Tijuana')).toBe(
      '2026-07-01T05:30:45-07:00',
    );
    expect(isoWithOffset(new Date('2026-12-01T12:30:00Z'), 'America/Tijuana')).toBe(
      '2026-12-01T04:30:00-08:00',
    );
  });

  it('names the same instant as the UTC form', () => {
    const instant = new Date('2027-01-01T05:59:59Z');
    for (const zone of ['UTC', 'Asia/Kolkata', 'America/Mexico_City', 'Pacific/Chatham']) {
      expect(Date.parse(isoWithOffset(instant, zone))).toBe(instant.getTime());
    }
    expect(isoWithOffset(instant, 'UTC')).toBe('2027-01-01T05:59:59+00:00');
  });
});
