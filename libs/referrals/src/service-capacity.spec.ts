import { capacityNow } from './service-capacity.js';
import { CapacityStatus } from './referrals.enums.js';

describe(capacityNow.name, () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const hour = 3_600_000;
  const reported = (hoursAgo: number, status = CapacityStatus.WAITLIST as const) => ({
    capacityStatus: status,
    waitDays: 3,
    capacityReportedAt: new Date(now.getTime() - hoursAgo * hour),
  });

  it('says what the staff reported while it is fresh, with the wait of a waitlist', () => {
    expect(capacityNow(reported(23), 24 * hour, now)).toEqual({
      status: CapacityStatus.WAITLIST,
      waitDays: 3,
      reportedAt: new Date('2026-11-28T13:00:00Z'),
      stale: false,
    });
  });

  it('reads an old report as unknown, and keeps its age', () => {
    expect(capacityNow(reported(25), 24 * hour, now)).toEqual({
      status: CapacityStatus.UNKNOWN,
      waitDays: null,
      reportedAt: new Date('2026-11-28T11:00:00Z'),
      stale: true,
    });
  });

  it('reads a service never reported as unknown, with no age', () => {
    const never = { capacityStatus: null, waitDays: null, capacityReportedAt: null };
    expect(capacityNow(never, 24 * hour, now)).toEqual({
      status: CapacityStatus.UNKNOWN,
      waitDays: null,
      reportedAt: null,
      stale: false,
    });
  });
});
