import { enumNames } from '@albergue/common';
import type { ProblemReportCounts } from '@albergue/contracts';
import { Injectable } from '@nestjs/common';
import { ProblemReportsService } from './problem-reports.service.js';
import type { ShelterProblemReports } from './problem-reports.views.js';
import { ProblemReason } from './shelters.enums.js';
import {
  type StaffChange,
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  StaffNotifiers,
  type StaffSend,
} from './staff-notifiers.js';

const reasonName = enumNames(ProblemReason);
/** What the screens are told: the last week, today included. */
const RECENT_DAYS = 7;

const nothing = (shelterId: string): ProblemReportCounts => ({
  shelterId,
  days: [],
  figuresQuestionedAt: null,
});

function countsOf(reports: ShelterProblemReports): ProblemReportCounts {
  return {
    shelterId: reports.shelterId,
    days: reports.days.map(({ day, reason, count }) => ({
      day,
      reason: reasonName(reason),
      count,
    })),
    figuresQuestionedAt: reports.figuresQuestionedAt
      ? new Date(reports.figuresQuestionedAt).toISOString()
      : null,
  };
}

/**
 * `problemReports`: a shelter's problem reports counted by day and reason, with the flag a burst
 * raises, to its volunteers and coordinators (health workers have no part in its figures) and to
 * the network roles. To a socket when it connects (each of its shelters, or for a network role
 * every shelter with reports or a flag); then every STAFF_CHECK, when they changed: a report
 * moves no version, so nothing else would tell, and it reaches the screens within one
 * STAFF_CHECK; and at once after a change of the shelter that cleared the flag (a coordinator's
 * report or confirmation).
 */
@Injectable()
export class ProblemReportsNotifier implements StaffNotifier {
  readonly name = 'problem reports';
  /** shelterId -> the counts last sent to its audiences, to send only what changed. */
  private readonly sent = new Map<string, ProblemReportCounts>();

  constructor(
    notifiers: StaffNotifiers,
    private readonly reports: ProblemReportsService,
  ) {
    notifiers.register(this);
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    for (const counts of (await this.countsAt(socket.boards, socket.network)).values()) {
      reply('problemReports', counts);
    }
  }

  async onChange({ shelter, send }: StaffChange): Promise<void> {
    const last = this.sent.get(shelter.id);
    const flag = shelter.figuresQuestionedAt?.toISOString() ?? null;
    if (last && last.figuresQuestionedAt !== flag) {
      this.sendChanged(await this.countsAt([shelter.id], false), send);
    }
  }

  async onCheck({ listening, send }: StaffCheck): Promise<void> {
    if (listening.boards.length === 0 && !listening.network) {
      return;
    }
    const found = await this.countsAt(listening.boards, listening.network);
    if (listening.network) {
      // Shelters whose reports aged out of the week: the network screens are told they have none.
      for (const shelterId of this.sent.keys()) {
        if (!found.has(shelterId)) {
          found.set(shelterId, nothing(shelterId));
        }
      }
    }
    this.sendChanged(found, send);
  }

  private sendChanged(found: Map<string, ProblemReportCounts>, send: StaffSend): void {
    for (const [shelterId, counts] of found) {
      if (JSON.stringify(this.sent.get(shelterId)) !== JSON.stringify(counts)) {
        send([{ board: shelterId }, 'network'], 'problemReports', counts);
        this.sent.set(shelterId, counts);
      }
    }
  }

  /** These shelters' counts (each, even with nothing), and with `every` all that have some. */
  private async countsAt(
    shelterIds: string[],
    every: boolean,
  ): Promise<Map<string, ProblemReportCounts>> {
    const found = new Map(shelterIds.map((id) => [id, nothing(id)]));
    if (shelterIds.length === 0 && !every) {
      return found;
    }
    // With `every`, the one read of all shelters with something holds these shelters' too: one
    // of them that it lacks has nothing, as `found` already says.
    const read = await this.reports.countsOf(every ? null : shelterIds, RECENT_DAYS);
    for (const reports of read) {
      found.set(reports.shelterId, countsOf(reports));
    }
    return found;
  }
}
