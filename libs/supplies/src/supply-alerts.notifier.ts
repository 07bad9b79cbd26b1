import type { SupplyAlertNotice } from '@albergue/contracts';
import {
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  StaffNotifiers,
} from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SupplyAlertKind } from './supplies.enums.js';
import { ALERT_SELECT, type AlertRow } from './supply-alerts.service.js';

const kindName = Object.fromEntries(
  Object.entries(SupplyAlertKind).map(([name, value]) => [value, name]),
) as Record<SupplyAlertKind, string>;

const noticeOf = (row: AlertRow): SupplyAlertNotice => ({
  id: row.id,
  shelterId: row.shelter_id,
  kind: kindName[row.kind],
  itemId: row.item_id,
  raisedAt: row.raised_at.toISOString(),
  clearedAt: row.cleared_at?.toISOString() ?? null,
});

/**
 * `supplyAlert` to a shelter's volunteers and coordinators (its bed board audience). Recording is
 * SupplyAlerts' (once per crossing, in the cluster); delivering is each instance's, to its own
 * sockets: every STAFF_CHECK it sends the alerts raised or cleared past its cursor (`seq`, which
 * commits in order), so each socket hears each crossing once, and a notice lost by one instance
 * is impossible: the rows are the message. Raised and cleared between two checks: the socket
 * hears the alert once, cleared. A socket that connects is told its shelters' open alerts that
 * this instance already passed; later ones reach it with everyone's.
 */
@Injectable()
export class SupplyAlertsNotifier implements StaffNotifier {
  readonly name = 'supply alerts';
  /** The last seq this instance delivered (or found when it first looked): its cursor. */
  private delivered: Promise<string> | null = null;

  constructor(
    notifiers: StaffNotifiers,
    private readonly dataSource: DataSource,
  ) {
    notifiers.register(this);
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    if (socket.boards.length === 0) {
      return;
    }
    const cursor = await this.cursor();
    for (const row of await this.rows(
      'seq <= $1 AND cleared_at IS NULL AND shelter_id = ANY($2::uuid[])',
      [cursor, socket.boards],
    )) {
      reply('supplyAlert', noticeOf(row));
    }
  }

  async onCheck({ listening, send }: StaffCheck): Promise<void> {
    const cursor = await this.cursor();
    const rows = await this.rows('seq > $1', [cursor]);
    if (rows.length === 0) {
      return;
    }
    // Only this hook moves the cursor, and a STAFF_CHECK waits for the last one to end.
    this.delivered = Promise.resolve(rows[rows.length - 1].seq);
    const boards = new Set(listening.boards);
    for (const row of rows) {
      if (boards.has(row.shelter_id)) {
        send({ board: row.shelter_id }, 'supplyAlert', noticeOf(row));
      }
    }
  }

  /** This instance's cursor; at first, the newest seq given before it looked. */
  private cursor(): Promise<string> {
    if (!this.delivered) {
      const first = this.dataSource
        .query<{ seq: string }[]>('SELECT coalesce(max(seq), 0)::text AS seq FROM supply_alert')
        .then(([row]) => row.seq);
      // A failed first read is tried again at the next hook rather than kept.
      first.catch(() => (this.delivered = null));
      this.delivered = first;
    }
    return this.delivered;
  }

  private rows(where: string, params: unknown[]): Promise<AlertRow[]> {
    return this.dataSource.query<AlertRow[]>(
      `${ALERT_SELECT} WHERE ${where} ORDER BY seq LIMIT 1000`,
      params,
    );
  }
}
