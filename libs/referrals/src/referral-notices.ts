import { enumNames } from '@albergue/common';
import type { EscortNotice, ReferralNotice } from '@albergue/contracts';
import type { StaffAudience } from '@albergue/shelters';
import { ReferralState } from './referrals.enums.js';

/** The PostgreSQL channel a referral's change is notified on (migration NotifyReferralChanges). */
export const REFERRAL_CHANNEL = 'albergue_referral';

const stateName = enumNames(ReferralState);
const STATES = new Set<string>(Object.values(ReferralState));

/** What the trigger `referral_notify` sends: the row's ids and state, never its free text. */
export interface ReferralSignal {
  id: string;
  version: number;
  state: ReferralState;
  shelterId: string;
  serviceId: string;
  overdueAt: string | null;
  /** Set when the change moved the referral to another shelter (the person moved). */
  previousShelterId: string | null;
  /**
   * Someone must escort the person to it (`needs_escort`): the shelter's volunteers hear it
   * (`escortMessagesOf`). Absent from a payload of the first trigger (before
   * NotifyReferralEscorts): false.
   */
  escort: boolean;
}

/** Reads the trigger's payload; null when it is not one (a hand-sent NOTIFY on the channel). */
export function readSignal(payload: string): ReferralSignal | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const row = value as Record<string, unknown>;
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : null);
  const id = text('id');
  const shelterId = text('shelterId');
  const serviceId = text('serviceId');
  const state = text('state');
  if (
    !id ||
    !shelterId ||
    !serviceId ||
    !state ||
    !STATES.has(state) ||
    typeof row.version !== 'number'
  ) {
    return null;
  }
  return {
    id,
    version: row.version,
    state: state as ReferralState,
    shelterId,
    serviceId,
    overdueAt: text('overdueAt'),
    previousShelterId: text('previousShelterId'),
    escort: row.escort === true,
  };
}

/** Overdue: sent, unanswered, and announced by the overdue job (`overdue_at`). */
export function isOverdue(state: ReferralState, overdueAt: unknown): boolean {
  return state === ReferralState.SENT && overdueAt !== null && overdueAt !== undefined;
}

/**
 * The socket message: ids and state only. The service's id goes to the service's own staff
 * alone: the shelter's health audience includes coordinators, who never learn the service (its
 * category can be clinical: a clinic for survivors of violence); a health worker's screen asks
 * GraphQL, where its view gives them the service.
 */
export function noticeOf(
  signal: Omit<ReferralSignal, 'previousShelterId' | 'escort'>,
  to: 'shelter' | 'service',
): ReferralNotice {
  return {
    id: signal.id,
    version: signal.version,
    state: stateName(signal.state),
    shelterId: signal.shelterId,
    ...(to === 'service' ? { serviceId: signal.serviceId } : {}),
    overdue: isOverdue(signal.state, signal.overdueAt),
  };
}

/**
 * Who hears a referral's change, and what: the health roles of the shelter following it (and of
 * the one it just left) without the service, and the service's staff with it once it has left the
 * shelter (a draft is the shelter's own until it is sent: without consent nothing leaves).
 */
export function messagesOf(
  signal: ReferralSignal,
): { to: StaffAudience[]; notice: ReferralNotice }[] {
  const shelters: StaffAudience[] = [{ health: signal.shelterId }];
  if (signal.previousShelterId && signal.previousShelterId !== signal.shelterId) {
    shelters.push({ health: signal.previousShelterId });
  }
  const messages = [{ to: shelters, notice: noticeOf(signal, 'shelter') }];
  if (signal.state !== ReferralState.DRAFT) {
    messages.push({ to: [{ service: signal.serviceId }], notice: noticeOf(signal, 'service') });
  }
  return messages;
}

/**
 * Who hears that an escort changed, and what: the bed board audience (volunteers, who escort,
 * and coordinators) of the shelter following it and of the one it just left, once it has left
 * the shelter (a draft has no escort to go on yet). Its ids and version only, each audience told
 * its own shelter's id: the shelter a person left never learns from it where they went (its
 * screen reads the referral again and finds it gone). A volunteer's screen reads when and where
 * through GraphQL, and nothing more. None for a referral without an escort.
 */
export function escortMessagesOf(
  signal: ReferralSignal,
): { to: StaffAudience[]; notice: EscortNotice }[] {
  if (!signal.escort || signal.state === ReferralState.DRAFT) {
    return [];
  }
  const told = (shelterId: string) => ({
    to: [{ board: shelterId }],
    notice: { id: signal.id, version: signal.version, shelterId },
  });
  return signal.previousShelterId && signal.previousShelterId !== signal.shelterId
    ? [told(signal.shelterId), told(signal.previousShelterId)]
    : [told(signal.shelterId)];
}
