import { type Caller, IdempotencyService, ScopeRegistry } from '@albergue/common';
import { ReferralSubjects } from '@albergue/residents';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type {
  CancelReferralInput,
  CloseReferralInput,
  CloseReferralMovedOnInput,
  CreateReferralInput,
  OverrideReferralInput,
  ReferralChangeInput,
  ReferralConsentInput,
  ReferralNotCompletedInput,
  ReferralOutcomeInput,
  RejectReferralInput,
  ScheduleReferralInput,
  SendReferralInput,
  AcceptReferralInput,
} from './dto/referral.input.js';
import { HealthService } from './health-service.entity.js';
import { ReferralEvent } from './referral-event.entity.js';
import { ReferralReads } from './referral-reads.service.js';
import { ReferralSealer } from './referral-sealer.js';
import { canMove, canOverride, CLOSABLE_STATES, isOpen } from './referral-transitions.js';
import { accessOf } from './referral-view.mapper.js';
import { Referral } from './referral.entity.js';
import { ReferralAccess, type ReferralView } from './referral.views.js';
import {
  CapacityOverride,
  CapacityStatus,
  NotCompletedReason,
  ReferralBasis,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
} from './referrals.enums.js';
import { ReferralsException, ReferralsExceptionCode as Code } from './referrals.exception.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';
import { capacityNow } from './service-capacity.js';

const DAY_MS = 86_400_000;

/** The changes that are the service's to make (its staff); the rest are the referrer's. */
const SERVICE_SIDE: ReadonlySet<string> = new Set([
  'acceptReferral',
  'rejectReferral',
  'scheduleReferral',
  'recordReferralOutcome',
  'referralNotCompleted',
]);

interface EventInput {
  detail?: string | null;
  note?: string | null;
  at?: Date;
}

/**
 * The referral and its loop: made by a health worker of a shelter (or of a field team's visit
 * there), answered by the service's staff, followed by the shelter the person is at now. Every
 * change checks the loop's transitions, bumps `version` and leaves a history row; every read of
 * a reason leaves an audit row.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly sealer: ReferralSealer,
    private readonly subjects: ReferralSubjects,
    private readonly reads: ReferralReads,
    private readonly scopes: ScopeRegistry,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  // ---- making one ----------------------------------------------------------------------------

  async create(caller: Caller, input: CreateReferralInput): Promise<ReferralView> {
    const { id } = await this.idempotency.run('createReferral', input, (manager, payload) =>
      this.insert(manager, caller, payload),
    );
    return this.reads.get(caller, id, 'create');
  }

  private async insert(
    manager: EntityManager,
    caller: Caller,
    input: Omit<CreateReferralInput, 'requestId'>,
  ): Promise<string> {
    const send = input.send !== false;
    if (send && !input.consent) {
      throw new ReferralsException(
        'Without consent the referral stays a draft: send it with `send: false`, or record the consent.',
        Code.CONSENT_REQUIRED,
        ['input.consent'],
      );
    }
    const consent = input.consent ? checkConsent(input.consent, input.urgency, 'input') : null;
    const subject = await this.subject(caller, input);
    const service = await this.service(manager, input.serviceId, 'input.serviceId');
    const id = randomUUID();
    const now = new Date();
    const fieldVisit = await this.onFieldVisit(manager, caller.actor.userId, input.shelterId);
    await manager.insert(Referral, {
      id,
      residentId: subject.residentId,
      aliasSealed: this.sealer.seal('referral.alias', id, subject.alias),
      ageBracket: subject.ageBracket,
      sexAtBirthSealed: this.sealer.seal('referral.sexAtBirth', id, subject.sexAtBirth),
      languages: subject.languages,
      population: subject.population,
      fromShelterId: input.shelterId,
      shelterId: input.shelterId,
      fieldVisit,
      serviceId: service.id,
      category: input.category,
      urgency: input.urgency,
      state: ReferralState.DRAFT,
      reasonSealed: this.sealer.seal('referral.reason', id, input.reason),
      interpreterLanguage: input.interpreterLanguage ?? null,
      needsEscort: input.needsEscort === true,
      needsTransport: input.needsTransport === true,
      // Not yet consented: CONSENT with no language, until someone explains it (sendReferral).
      basis: consent?.basis ?? ReferralBasis.CONSENT,
      basisBy: caller.actor.userId,
      consentLanguage: consent?.language ?? null,
      shares: consent?.shares ?? [],
      capacityOverride: input.capacityOverride ?? null,
      createdBy: caller.actor.userId,
    });
    // Said in the history as on the screen: refusing never affects the person's bed.
    await this.event(
      manager,
      caller,
      { id, residentId: subject.residentId },
      null,
      ReferralState.DRAFT,
      {
        detail: 'created:bed_not_affected',
        at: now,
      },
    );
    if (send) {
      const referral = await manager.findOneByOrFail(Referral, { id });
      await this.sendIt(manager, caller, referral, input.capacityOverride ?? null, service, now);
    }
    return id;
  }

  /** Who is referred: a resident at the caller's shelter (through residents' door), or a person met there. */
  private async subject(caller: Caller, input: Omit<CreateReferralInput, 'requestId'>) {
    if (input.residentId) {
      if (input.person) {
        throw new ReferralsException(
          'Refer a resident or an unregistered person, not both.',
          Code.SUBJECT_REQUIRED,
          ['input.person'],
        );
      }
      const subject = await this.subjects.one(
        caller,
        input.residentId,
        input.shelterId,
        'referral',
      );
      if (!subject) {
        throw new ReferralsException(
          'This person is not staying at your shelter (or their case is closed).',
          Code.SUBJECT_NOT_HERE,
          ['input.residentId'],
        );
      }
      return {
        residentId: subject.id,
        alias: subject.alias,
        ageBracket: subject.ageBracket,
        sexAtBirth: null,
        languages: subject.languages,
        population: subject.population,
      };
    }
    if (!input.person) {
      throw new ReferralsException(
        'Say whom the referral is for: a resident, or an unregistered person.',
        Code.SUBJECT_REQUIRED,
        ['input.residentId'],
      );
    }
    return {
      residentId: null,
      alias: input.person.alias,
      ageBracket: input.person.ageBracket,
      sexAtBirth: input.person.sexAtBirth ?? null,
      languages: input.person.languages ?? [],
      population: input.person.population ?? null,
    };
  }

  private async service(manager: EntityManager, id: string, field: string): Promise<HealthService> {
    const service = await manager.findOneBy(HealthService, { id });
    if (!service) {
      throw new ReferralsException('No such health service.', Code.SERVICE_NOT_FOUND, [field]);
    }
    if (!service.active) {
      throw new ReferralsException('This service is closed.', Code.SERVICE_INACTIVE, [field]);
    }
    return service;
  }

  /** The caller works at this shelter on a membership that ends by itself: a field team's visit. */
  private async onFieldVisit(manager: EntityManager, userId: string, shelterId: string) {
    const rows = await manager.query<{ expires_at: Date | null }[]>(
      'SELECT expires_at FROM membership WHERE user_id = $1 AND shelter_id = $2',
      [userId, shelterId],
    );
    return rows.some((row) => row.expires_at !== null);
  }

  // ---- the loop ------------------------------------------------------------------------------

  send(caller: Caller, input: SendReferralInput): Promise<ReferralView> {
    return this.change(caller, 'sendReferral', input, async (manager, referral) => {
      if (referral.state !== ReferralState.DRAFT) {
        notAllowed(referral.state, ReferralState.SENT);
      }
      if (input.consent) {
        const consent = checkConsent(input.consent, referral.urgency, 'input');
        Object.assign(referral, {
          basis: consent.basis,
          basisBy: caller.actor.userId,
          consentLanguage: consent.language,
          shares: consent.shares,
        });
      } else if (!consented(referral)) {
        throw new ReferralsException(
          'Nothing leaves the shelter without consent: record it first.',
          Code.CONSENT_REQUIRED,
          ['input.consent'],
        );
      }
      const service = await this.service(manager, referral.serviceId, 'input.referralId');
      await this.sendIt(
        manager,
        caller,
        referral,
        input.capacityOverride ?? referral.capacityOverride,
        service,
        new Date(),
      );
    });
  }

  /** Sends a consented draft: checks capacity, and starts the answer's countdown (not for an emergency). */
  private async sendIt(
    manager: EntityManager,
    caller: Caller,
    referral: Referral,
    override: CapacityOverride | null,
    service: HealthService,
    now: Date,
    event?: EventInput,
    changes: Partial<Referral> = {},
  ): Promise<void> {
    const capacity = capacityNow(service, this.options.serviceStaleAfterMs, now);
    if (capacity.status === CapacityStatus.NOT_ACCEPTING && !override) {
      throw new ReferralsException(
        'This service says it is not accepting: say why you refer anyway (an emergency, or you called and they agreed).',
        Code.CAPACITY_OVERRIDE_REQUIRED,
        ['input.capacityOverride'],
        { capacity: capacity.status, reportedAt: capacity.reportedAt?.toISOString() ?? null },
      );
    }
    const emergency = referral.urgency === ReferralUrgency.EMERGENCY;
    const window =
      referral.urgency === ReferralUrgency.URGENT
        ? this.options.urgentWindowMs
        : this.options.routineWindowMs;
    await this.apply(
      manager,
      caller,
      referral,
      ReferralState.SENT,
      {
        ...changes,
        basis: referral.basis,
        basisBy: referral.basisBy,
        consentLanguage: referral.consentLanguage,
        shares: referral.shares,
        capacityOverride: override,
        sentAt: now,
        answerDueAt: emergency ? null : new Date(now.getTime() + window),
      },
      event ?? {
        detail: emergency
          ? referral.basis === ReferralBasis.VITAL_INTEREST
            ? 'emergency:vital_interest'
            : 'emergency'
          : override
            ? `capacity_override:${override}`
            : null,
        at: new Date(now.getTime() + 1),
      },
    );
  }

  accept(caller: Caller, input: AcceptReferralInput): Promise<ReferralView> {
    return this.change(caller, 'acceptReferral', input, (manager, referral) =>
      this.transition(manager, caller, referral, ReferralState.ACCEPTED, {
        answeredAt: new Date(),
      }),
    );
  }

  reject(caller: Caller, input: RejectReferralInput): Promise<ReferralView> {
    return this.change(caller, 'rejectReferral', input, (manager, referral) => {
      if (input.reason === RejectReason.OTHER && !input.note?.trim()) {
        throw new ReferralsException('Say why, in a note.', Code.REASON_REQUIRED, ['input.note']);
      }
      return this.transition(manager, caller, referral, ReferralState.REJECTED, {
        answeredAt: new Date(),
        rejectReason: input.reason,
        noteSealed: this.sealer.seal('referral.note', referral.id, input.note ?? null),
      });
    });
  }

  schedule(caller: Caller, input: ScheduleReferralInput): Promise<ReferralView> {
    return this.change(caller, 'scheduleReferral', input, (manager, referral) => {
      const now = Date.now();
      const at = input.scheduledFor.getTime();
      if (at < now - DAY_MS || at > now + 365 * DAY_MS) {
        throw new ReferralsException(
          'An appointment is at most a day ago and at most a year ahead.',
          Code.DATE_OUT_OF_RANGE,
          ['input.scheduledFor'],
        );
      }
      // Rescheduling a no-show (or a scheduled appointment) keeps the history: a new row, `rescheduled`.
      const again =
        referral.state === ReferralState.SCHEDULED ||
        referral.state === ReferralState.NOT_COMPLETED;
      if (
        referral.state === ReferralState.NOT_COMPLETED &&
        referral.notCompletedReason !== NotCompletedReason.NO_SHOW
      ) {
        notAllowed(referral.state, ReferralState.SCHEDULED);
      }
      return this.transition(
        manager,
        caller,
        referral,
        ReferralState.SCHEDULED,
        {
          scheduledFor: input.scheduledFor,
          placeSealed: this.sealer.seal('referral.place', referral.id, input.place ?? null),
          notCompletedReason: null,
          answeredAt: referral.answeredAt ?? new Date(),
        },
        again ? 'rescheduled' : null,
      );
    });
  }

  recordOutcome(caller: Caller, input: ReferralOutcomeInput): Promise<ReferralView> {
    return this.change(caller, 'recordReferralOutcome', input, (manager, referral) =>
      this.transition(manager, caller, referral, ReferralState.COMPLETED, {
        outcome: input.outcome,
        completedAt: new Date(),
        noteSealed: this.sealer.seal('referral.note', referral.id, input.note ?? null),
      }),
    );
  }

  notCompleted(caller: Caller, input: ReferralNotCompletedInput): Promise<ReferralView> {
    return this.change(caller, 'referralNotCompleted', input, (manager, referral) => {
      if (canMove(referral.state, ReferralState.NOT_COMPLETED)) {
        noShowOnlyScheduled(referral.state, input.reason, 'input.reason');
      }
      return this.transition(
        manager,
        caller,
        referral,
        ReferralState.NOT_COMPLETED,
        {
          notCompletedReason: input.reason,
          noteSealed: this.sealer.seal('referral.note', referral.id, input.note ?? null),
        },
        input.reason,
      );
    });
  }

  close(caller: Caller, input: CloseReferralInput): Promise<ReferralView> {
    return this.change(caller, 'closeReferral', input, (manager, referral) => {
      if (!CLOSABLE_STATES.includes(referral.state)) {
        throw new ReferralsException(
          'A referral closes only with an outcome (completed or not), or once rejected.',
          Code.OUTCOME_REQUIRED,
          ['input.referralId'],
          { state: referral.state },
        );
      }
      return this.transition(manager, caller, referral, ReferralState.CLOSED, {
        closedAt: new Date(),
      });
    });
  }

  cancel(caller: Caller, input: CancelReferralInput): Promise<ReferralView> {
    return this.change(caller, 'cancelReferral', input, (manager, referral) =>
      this.transition(
        manager,
        caller,
        referral,
        ReferralState.CANCELLED,
        { closedAt: new Date() },
        null,
        input.reason,
      ),
    );
  }

  /**
   * The person moved on (checked out, or transferred and followed elsewhere): the referring
   * side closes the open referral with that reason, for as long as it may still see the person.
   */
  closeMovedOn(caller: Caller, input: CloseReferralMovedOnInput): Promise<ReferralView> {
    return this.change(
      caller,
      'closeReferralMovedOn',
      input,
      async (manager, referral) => {
        if (!isOpen(referral.state)) {
          notAllowed(referral.state, ReferralState.CLOSED);
        }
        const now = new Date();
        await this.apply(
          manager,
          caller,
          referral,
          ReferralState.CLOSED,
          { notCompletedReason: NotCompletedReason.MOVED_ON, closedAt: now },
          { detail: NotCompletedReason.MOVED_ON },
        );
      },
      'moved',
    );
  }

  /**
   * A correction outside the loop (OVERRIDES in referral-transitions.ts): needs a reason (sealed),
   * leaves an `override` history row, and goes through what the loop itself would ask: sending
   * again checks consent and capacity and restarts the countdown; completing needs its outcome,
   * not completing its reason.
   */
  override(caller: Caller, input: OverrideReferralInput): Promise<ReferralView> {
    return this.change(caller, 'overrideReferral', input, async (manager, referral) => {
      const to = input.toState;
      if (!canOverride(referral.state, to)) {
        throw new ReferralsException(
          "An override corrects what the referrer knows: it cannot reopen a closed or cancelled referral, send a draft, or set the service's answer for it.",
          Code.TRANSITION_NOT_ALLOWED,
          ['input.toState'],
          { from: referral.state, to },
        );
      }
      const now = new Date();
      const event: EventInput = { detail: 'override', note: input.reason };
      switch (to) {
        case ReferralState.SENT: {
          if (!consented(referral)) {
            throw new ReferralsException(
              'Nothing leaves the shelter without consent.',
              Code.CONSENT_REQUIRED,
              ['input.referralId'],
            );
          }
          const service = await this.service(manager, referral.serviceId, 'input.referralId');
          // The earlier answer no longer stands: a fresh capacity check, a fresh countdown.
          Object.assign(referral, { rejectReason: null, answeredAt: null });
          return this.sendIt(
            manager,
            caller,
            referral,
            input.capacityOverride ?? null,
            service,
            now,
            event,
            { rejectReason: null, answeredAt: null },
          );
        }
        case ReferralState.COMPLETED:
          if (!input.outcome) {
            throw new ReferralsException('Completed needs its outcome.', Code.OUTCOME_REQUIRED, [
              'input.outcome',
            ]);
          }
          return this.apply(
            manager,
            caller,
            referral,
            to,
            { outcome: input.outcome, notCompletedReason: null, completedAt: now },
            event,
          );
        case ReferralState.NOT_COMPLETED:
          if (!input.notCompletedReason) {
            throw new ReferralsException('Not completed needs its reason.', Code.OUTCOME_REQUIRED, [
              'input.notCompletedReason',
            ]);
          }
          noShowOnlyScheduled(referral.state, input.notCompletedReason, 'input.notCompletedReason');
          return this.apply(
            manager,
            caller,
            referral,
            to,
            { notCompletedReason: input.notCompletedReason },
            event,
          );
        case ReferralState.CLOSED:
        case ReferralState.CANCELLED:
          return this.apply(manager, caller, referral, to, { closedAt: now }, event);
        default:
          return notAllowed(referral.state, to);
      }
    });
  }

  // ---- the machinery of a change -------------------------------------------------------------

  /**
   * One change, at most once per requestId: the referral locked, its version checked, `act`
   * run, then the view as the caller reads it. `scope`: 'moved' also lets health workers of the
   * shelter the person left (while they may see the person) read the answer.
   */
  private async change<T extends ReferralChangeInput>(
    caller: Caller,
    operation: string,
    input: T,
    act: (manager: EntityManager, referral: Referral) => Promise<void>,
    scope?: 'moved',
  ): Promise<ReferralView> {
    await this.idempotency.run(operation, input, async (manager) => {
      const referral = await manager.findOne(Referral, {
        where: { id: input.referralId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!referral) {
        throw new ReferralsException('No such referral.', Code.REFERRAL_NOT_FOUND, [
          'input.referralId',
        ]);
      }
      // The guard's scope may be stale (a transfer a moment ago): asked again of the locked row.
      // The service's staff do not know of a draft: not found, before anything else is said.
      const healthShelters =
        scope === 'moved' ? await this.scopes.shelters('referral.moved', referral.id) : undefined;
      const access = accessOf(caller.actor, referral, healthShelters);
      const mine = SERVICE_SIDE.has(operation)
        ? caller.actor.services.has(referral.serviceId) && referral.state !== ReferralState.DRAFT
        : access === ReferralAccess.HEALTH;
      if (!mine) {
        throw new ReferralsException('No such referral.', Code.REFERRAL_NOT_FOUND, [
          'input.referralId',
        ]);
      }
      if (referral.residentId && (await this.subjects.erased(manager, referral.residentId))) {
        throw new ReferralsException(
          'This person was erased: nothing more is written about them.',
          Code.SUBJECT_ERASED,
          ['input.referralId'],
        );
      }
      if (
        input.version !== undefined &&
        input.version !== null &&
        input.version !== referral.version
      ) {
        throw new ReferralsException(
          'Someone changed this referral a moment ago: here is the newer one.',
          Code.STALE_REFERRAL,
          ['input.version'],
          { version: referral.version, state: referral.state },
        );
      }
      await act(manager, referral);
      return referral.id;
    });
    return this.reads.get(caller, input.referralId, operation, scope);
  }

  /** An allowed move of the loop, or TRANSITION_NOT_ALLOWED naming the referral. */
  private async transition(
    manager: EntityManager,
    caller: Caller,
    referral: Referral,
    to: ReferralState,
    changes: Partial<Referral>,
    detail: string | null = null,
    note: string | null = null,
  ): Promise<void> {
    if (!canMove(referral.state, to)) {
      notAllowed(referral.state, to);
    }
    await this.apply(manager, caller, referral, to, changes, { detail, note });
  }

  private async apply(
    manager: EntityManager,
    caller: Caller,
    referral: Referral,
    to: ReferralState,
    changes: Partial<Referral>,
    event: EventInput,
  ): Promise<void> {
    const from = referral.state;
    await manager.update(
      Referral,
      { id: referral.id },
      { ...changes, state: to, version: referral.version + 1 },
    );
    Object.assign(referral, changes, { state: to, version: referral.version + 1 });
    await this.event(manager, caller, referral, from, to, event);
  }

  private async event(
    manager: EntityManager,
    caller: Caller,
    referral: Pick<Referral, 'id' | 'residentId'>,
    from: ReferralState | null,
    to: ReferralState,
    { detail = null, note = null, at }: EventInput,
  ): Promise<void> {
    const id = randomUUID();
    await manager.insert(ReferralEvent, {
      id,
      referralId: referral.id,
      residentId: referral.residentId,
      fromState: from,
      toState: to,
      detail,
      noteSealed: this.sealer.seal('referral_event.note', id, note),
      byUserId: caller.actor.userId,
      ...(at ? { at } : {}),
    });
  }
}

/** Consent is given: explained in a language (CONSENT), or an emergency's vital interest. */
function consented(referral: Pick<Referral, 'basis' | 'consentLanguage' | 'urgency'>): boolean {
  return referral.basis === ReferralBasis.VITAL_INTEREST
    ? referral.urgency === ReferralUrgency.EMERGENCY
    : referral.consentLanguage !== null;
}

function checkConsent(consent: ReferralConsentInput, urgency: ReferralUrgency, at: string) {
  if (consent.basis === ReferralBasis.VITAL_INTEREST) {
    if (urgency !== ReferralUrgency.EMERGENCY) {
      throw new ReferralsException(
        'Vital interest covers an emergency only: otherwise the person consents.',
        Code.CONSENT_REQUIRED,
        [`${at}.consent.basis`],
      );
    }
    // What the service needs to treat the person now: the reason; nothing else leaves.
    return { basis: consent.basis, language: null, shares: [ReferralShare.REASON_WITH_SERVICE] };
  }
  if (!consent.language) {
    throw new ReferralsException(
      'Say in which language the referral was explained.',
      Code.CONSENT_REQUIRED,
      [`${at}.consent.language`],
    );
  }
  return { basis: consent.basis, language: consent.language, shares: consent.shares ?? [] };
}

/** A no-show is of an appointment: only a scheduled referral can have one. */
function noShowOnlyScheduled(from: ReferralState, reason: NotCompletedReason, field: string): void {
  if (reason === NotCompletedReason.NO_SHOW && from !== ReferralState.SCHEDULED) {
    throw new ReferralsException(
      'A no-show is of an appointment: schedule it first.',
      Code.TRANSITION_NOT_ALLOWED,
      [field],
      { from, to: ReferralState.NOT_COMPLETED },
    );
  }
}

function notAllowed(from: ReferralState, to: ReferralState): never {
  throw new ReferralsException(
    `A referral cannot go from ${from} to ${to}.`,
    Code.TRANSITION_NOT_ALLOWED,
    ['input.referralId'],
    { from, to },
  );
}
