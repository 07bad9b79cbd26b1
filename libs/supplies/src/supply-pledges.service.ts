import {
  type Actor,
  type ClusterJob,
  ClusterJobs,
  IdempotencyService,
  type JobOutcome,
} from '@albergue/common';
import { ReportLimiter } from '@albergue/shelters';
import { type SealedTable, Vault, VaultRegistry } from '@albergue/vault';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PHONE,
  type PledgeInput,
  type PledgesArgs,
  type ReceivePledgeInput,
  type WithdrawPledgeInput,
} from './dto/supply-pledges.input.js';
import { Ledger } from './ledger.js';
import { PledgeContactReads } from './pledge-contact-reads.js';
import { addDays } from './period.js';
import { numericOf } from './quantities.js';
import { StockService } from './stock.service.js';
import { PledgeState, type SupplyCategory, SupplySource, SupplyUnit } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode as Code } from './supplies.exception.js';
import type { StockAct } from './supplies.views.js';
import { SupplyItem } from './supply-item.entity.js';
import { SupplyNeed } from './supply-need.entity.js';
import { SupplyPledge } from './supply-pledge.entity.js';
import type { PledgeContactView, SupplyPledgeView } from './supply-pledges.views.js';

/** A donor's contact is erased this many days after the day they meant to bring it by. */
export const PLEDGE_CONTACT_DAYS = 30;
/** Pledges one address may make in an hour, whatever the needs. */
export const PLEDGES_PER_ADDRESS_HOUR = 10;
/** The furthest ahead a pledge may name its day. */
export const PLEDGE_MAX_DAYS = 60;

const CONTACT = 'supply_pledge.contact';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ERASE_JOB: ClusterJob = { name: 'supply-pledge-erasure', everyMs: 3_600_000 };

/** Declared to the vault: key rotation re-seals the contacts (their erasure is by date). */
export const PLEDGE_SEALED_TABLES: SealedTable[] = [
  { table: 'supply_pledge', columns: [{ column: 'contact_sealed', field: CONTACT }] },
];

interface PledgeRow {
  id: string;
  need_id: string;
  shelter_id: string;
  item_id: string | null;
  category: SupplyCategory;
  quantity: string | null;
  unit: SupplyUnit | null;
  bring_by: string;
  state: PledgeState;
  contact_sealed: string | null;
  erased_at: Date | null;
  received_at: Date | null;
  created_at: Date;
}

const refuse = (message: string, code: Code, fields: string[]): never => {
  throw new SuppliesException(message, code, fields);
};

/**
 * Pledges (issue 21, item 8). Anyone pledges to bring some of a published need by a day, with a
 * name or organisation and a phone or email: sealed at once, opened for that shelter's
 * coordinators only, erased 30 days after the day by an hourly cluster job. One pledge per
 * address and need an hour (ReportLimiter: a keyed hash in this instance's memory, never the
 * address). A coordinator marks it received (a receipt naming the pledge, never the person) or
 * withdrawn (it did not come).
 */
@Injectable()
export class SupplyPledges {
  private readonly limiter = new ReportLimiter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
    private readonly stock: StockService,
    private readonly vault: Vault,
    private readonly jobs: ClusterJobs,
    private readonly reads: PledgeContactReads,
    registry: VaultRegistry,
  ) {
    registry.register(...PLEDGE_SEALED_TABLES);
  }

  /** A pledge from the public; `address` serves the limit only, never stored nor logged. */
  async pledge(input: PledgeInput, address: string): Promise<void> {
    const name = input.name.trim();
    const phone = input.phone?.trim() || null;
    const email = input.email?.trim() || null;
    if (!name || name.length > 100 || (!phone && !email)) {
      refuse(
        'A pledge says who (a name or an organisation) and how to reach them (a phone or an email).',
        Code.PLEDGE_CONTACT_REQUIRED,
        name ? ['input.phone', 'input.email'] : ['input.name'],
      );
    }
    // Checked here as well as on the JSON body: the no-script form posts plain strings.
    if ((phone && !PHONE.test(phone)) || (email && (email.length > 200 || !EMAIL.test(email)))) {
      refuse(
        'A phone is digits (with + - ( ) . and spaces); an email is name@place.',
        Code.PLEDGE_CONTACT_REQUIRED,
        [phone && !PHONE.test(phone) ? 'input.phone' : 'input.email'],
      );
    }
    const today = this.ledger.today();
    if (
      !input.bringBy ||
      input.bringBy < today ||
      input.bringBy > addDays(today, PLEDGE_MAX_DAYS)
    ) {
      refuse(
        `Say the day you mean to bring it by: today or up to ${PLEDGE_MAX_DAYS} days ahead.`,
        Code.DATE_OUT_OF_RANGE,
        ['input.bringBy'],
      );
    }
    let claimed: string[] = [];
    try {
      await this.idempotency.run('pledge', input, async (manager, fields) => {
        // The limit only for a new pledge: a retry of this requestId is answered as before.
        claimed = this.claim(address, fields.needId);
        const need = await manager.findOneBy(SupplyNeed, { id: fields.needId });
        if (!need || need.closedAt || (need.until !== null && need.until < today)) {
          refuse('This need is not asked for any more.', Code.NEED_NOT_FOUND, ['input.needId']);
        }
        if (need!.until !== null && fields.bringBy! > need!.until) {
          refuse(`This need runs until ${need!.until}: bring it by then.`, Code.DATE_OUT_OF_RANGE, [
            'input.bringBy',
          ]);
        }
        let quantity: string | null = null;
        if (fields.quantity != null) {
          if (!need!.itemId) {
            refuse('A category’s need takes no quantity.', Code.NEED_INVALID, ['input.quantity']);
          }
          const item = await manager.findOneByOrFail(SupplyItem, { id: need!.itemId! });
          const unit = fields.unit ? SupplyUnit[fields.unit] : undefined;
          quantity = numericOf(this.ledger.milli(item, fields.quantity, unit!, 'input.'));
        }
        const id = randomUUID();
        await manager.insert(SupplyPledge, {
          id,
          needId: need!.id,
          shelterId: need!.shelterId,
          quantity,
          bringBy: fields.bringBy!,
          contactSealed: this.vault.seal(CONTACT, id, JSON.stringify({ name, phone, email })),
          erasedAt: null,
          state: PledgeState.PLEDGED,
          receivedAt: null,
          receivedBy: null,
        });
        return id;
      });
    } catch (error) {
      // Not recorded: the address may try again.
      for (const key of claimed) {
        this.limiter.release(address, key);
      }
      throw error;
    }
  }

  /**
   * One pledge per address and need an hour, and PLEDGES_PER_ADDRESS_HOUR in all (each a slot
   * of its own in the limiter); returns the keys claimed, or refuses.
   */
  private claim(address: string, needId: string): string[] {
    if (!this.limiter.claim(address, needId)) {
      refuse(
        'A pledge to this need was already made from here within the hour: the shelter will get in touch.',
        Code.PLEDGE_LIMIT,
        ['input.needId'],
      );
    }
    for (let slot = 0; slot < PLEDGES_PER_ADDRESS_HOUR; slot += 1) {
      if (this.limiter.claim(address, `any:${slot}`)) {
        return [needId, `any:${slot}`];
      }
    }
    this.limiter.release(address, needId);
    return refuse(
      `No more than ${PLEDGES_PER_ADDRESS_HOUR} pledges an hour from one place: the shelters will get in touch.`,
      Code.PLEDGE_LIMIT,
      ['input.needId'],
    );
  }

  /** The limiter forgets on its own schedule, traffic or not (its key changes every hour). */
  @Interval('supply-pledge-limiter', 600_000)
  forgetOld(): void {
    this.limiter.sweep();
  }

  /**
   * A shelter's pledges, newest first, with the contact opened (coordinators only); the opening is
   * told to PledgeContactReads (the audit log) first.
   */
  async list(args: PledgesArgs, actorId: string): Promise<SupplyPledgeView[]> {
    const rows = await this.dataSource.query<PledgeRow[]>(
      `SELECT p.id, p.need_id, p.shelter_id, n.item_id, coalesce(i.category, n.category) AS category,
              p.quantity, i.unit, p.bring_by::text AS bring_by, p.state, p.contact_sealed,
              p.erased_at, p.received_at, p.created_at
         FROM supply_pledge p
         JOIN supply_need n ON n.id = p.need_id
         LEFT JOIN supply_item i ON i.id = n.item_id
        WHERE p.shelter_id = $1
          AND (p.state = 'pledged' OR ($2 AND coalesce(p.received_at, p.created_at) > now() - interval '30 days'))
        ORDER BY p.state = 'pledged' DESC, p.bring_by, p.created_at DESC
        LIMIT 500`,
      [args.shelterId, args.history],
    );
    await this.reads.opened({
      actorId,
      shelterId: args.shelterId,
      pledgeIds: rows.filter((row) => row.contact_sealed !== null).map((row) => row.id),
    });
    return rows.map((row) => ({
      id: row.id,
      needId: row.need_id,
      shelterId: row.shelter_id,
      itemId: row.item_id,
      category: row.category,
      quantity: row.quantity === null ? null : Number(row.quantity),
      unit: row.unit,
      bringBy: row.bring_by,
      state: row.state,
      contact: this.contact(row),
      erasedAt: row.erased_at,
      receivedAt: row.received_at,
      createdAt: row.created_at,
    }));
  }

  /** What came: a receipt (source PLEDGE) naming the pledge, and the pledge received; one act. */
  async receive(input: ReceivePledgeInput, actor: Actor): Promise<StockAct> {
    const { id } = await this.idempotency.run('receivePledge', input, async (manager, fields) => {
      const pledge = await this.pledged(manager, fields.pledgeId);
      const need = await manager.findOneByOrFail(SupplyNeed, { id: pledge.needId });
      const itemId = fields.itemId ?? need.itemId;
      if (!itemId || (need.itemId && itemId !== need.itemId)) {
        refuse(
          need.itemId
            ? 'This pledge is for the need’s own item.'
            : 'Say which item came (one of the need’s category).',
          Code.NEED_INVALID,
          ['input.itemId'],
        );
      }
      if (!need.itemId) {
        const item = await manager.findOneBy(SupplyItem, { id: itemId! });
        if (item && item.category !== need.category) {
          refuse('The item is not of the need’s category.', Code.NEED_INVALID, ['input.itemId']);
        }
      }
      const actId = await this.stock.writeReceipt(
        manager,
        { ...fields, shelterId: pledge.shelterId, itemId: itemId! },
        actor,
        { source: SupplySource.PLEDGE, organisationId: null, pledgeId: pledge.id },
      );
      await manager.update(
        SupplyPledge,
        { id: pledge.id },
        { state: PledgeState.RECEIVED, receivedAt: new Date(), receivedBy: actor.userId },
      );
      return actId;
    });
    return this.stock.done(id);
  }

  /** It did not come. */
  async withdraw(input: WithdrawPledgeInput): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const pledge = await this.pledged(manager, input.pledgeId);
      await manager.update(SupplyPledge, { id: pledge.id }, { state: PledgeState.WITHDRAWN });
    });
  }

  @Interval(ERASE_JOB.name, ERASE_JOB.everyMs)
  eraseJob(): Promise<JobOutcome> {
    return this.jobs.once(ERASE_JOB, () => this.eraseContacts());
  }

  /** Empties every contact 30 days past its day (TIME_ZONE); returns how many. */
  async eraseContacts(): Promise<number> {
    const erased: unknown[] = await this.dataSource.query(
      `UPDATE supply_pledge SET contact_sealed = NULL, erased_at = now()
        WHERE erased_at IS NULL AND bring_by < $1::date
       RETURNING id`,
      [addDays(this.ledger.today(), -PLEDGE_CONTACT_DAYS)],
    );
    // node-postgres answers an UPDATE … RETURNING with [rows, count] through TypeORM.
    return (Array.isArray(erased[0]) ? (erased[0] as unknown[]) : erased).length;
  }

  private contact(row: PledgeRow): PledgeContactView | null {
    const opened = this.vault.open(CONTACT, row.id, row.contact_sealed);
    return opened === null ? null : (JSON.parse(opened) as PledgeContactView);
  }

  /** A pledge still open, locked for the change. */
  private async pledged(manager: EntityManager, pledgeId: string): Promise<SupplyPledge> {
    const pledge = await manager.findOne(SupplyPledge, {
      where: { id: pledgeId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!pledge) {
      return refuse('No pledge has this id.', Code.PLEDGE_NOT_FOUND, ['input.pledgeId']);
    }
    if (pledge.state !== PledgeState.PLEDGED) {
      return refuse('This pledge was already received or withdrawn.', Code.PLEDGE_SETTLED, [
        'input.pledgeId',
      ]);
    }
    return pledge;
  }
}
