import type { HealthService } from './health-service.entity.js';
import { CapacityStatus } from './referrals.enums.js';

/** A service's capacity as anyone reads it now: what its staff said, unless that is too old. */
export interface CapacityNow {
  /** UNKNOWN when never reported, or reported longer than SERVICE_STALE_AFTER ago. */
  status: CapacityStatus;
  /** With WAITLIST only: the typical wait the staff gave, in days. */
  waitDays: number | null;
  /** When the staff last reported (also when stale: its age is said, never hidden). */
  reportedAt: Date | null;
  /** The report is older than SERVICE_STALE_AFTER. */
  stale: boolean;
}

/**
 * The honest staleness rule of shelters' figures, applied to health services: a report past
 * `staleAfterMs` reads UNKNOWN with its age, so that nobody refers someone on a week-old "accepting".
 */
export function capacityNow(
  service: Pick<HealthService, 'capacityStatus' | 'waitDays' | 'capacityReportedAt'>,
  staleAfterMs: number,
  now: Date = new Date(),
): CapacityNow {
  const reportedAt = service.capacityReportedAt;
  if (!service.capacityStatus || !reportedAt) {
    return { status: CapacityStatus.UNKNOWN, waitDays: null, reportedAt: null, stale: false };
  }
  const stale = now.getTime() - reportedAt.getTime() > staleAfterMs;
  return {
    status: stale ? CapacityStatus.UNKNOWN : service.capacityStatus,
    waitDays:
      !stale && service.capacityStatus === CapacityStatus.WAITLIST ? service.waitDays : null,
    reportedAt,
    stale,
  };
}
