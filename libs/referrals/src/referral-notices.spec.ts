import {
  escortMessagesOf,
  messagesOf,
  noticeOf,
  readSignal,
  type ReferralSignal,
} from './referral-notices.js';
import { ReferralState } from './referrals.enums.js';

const SIGNAL: ReferralSignal = {
  id: 'r-1',
  version: 3,
  state: ReferralState.SENT,
  shelterId: 's-1',
  serviceId: 'h-1',
  overdueAt: null,
  previousShelterId: null,
  escort: false,
};

describe('referral notices', () => {
  it('reads the trigger’s payload and refuses anything else', () => {
    expect(readSignal(JSON.stringify({ ...SIGNAL, reason: 'never read' }))).toEqual(SIGNAL);
    expect(readSignal('not json')).toBeNull();
    expect(readSignal('null')).toBeNull();
    expect(readSignal(JSON.stringify({ ...SIGNAL, state: 'lost' }))).toBeNull();
    expect(readSignal(JSON.stringify({ ...SIGNAL, version: '3' }))).toBeNull();
    expect(readSignal(JSON.stringify({ ...SIGNAL, serviceId: undefined }))).toBeNull();
  });

  it('says ids and state by GraphQL name, overdue only while sent and marked', () => {
    expect(noticeOf(SIGNAL, 'service')).toEqual({
      id: 'r-1',
      version: 3,
      state: 'SENT',
      shelterId: 's-1',
      serviceId: 'h-1',
      overdue: false,
    });
    expect(noticeOf({ ...SIGNAL, overdueAt: '2026-11-29T10:00:00Z' }, 'shelter').overdue).toBe(
      true,
    );
    expect(
      noticeOf(
        { ...SIGNAL, state: ReferralState.ACCEPTED, overdueAt: '2026-11-29T10:00:00Z' },
        'shelter',
      ),
    ).toMatchObject({ state: 'ACCEPTED', overdue: false });
  });

  it('never names the service to the shelter’s side (coordinators hear it)', () => {
    expect(Object.keys(noticeOf(SIGNAL, 'shelter')).sort()).toEqual(
      ['id', 'overdue', 'shelterId', 'state', 'version'].sort(),
    );
  });

  it('tells the following shelter’s health roles, the one it left, and the service once sent', () => {
    const shelterSide = { id: 'r-1', version: 3, state: 'SENT', shelterId: 's-1', overdue: false };
    expect(messagesOf(SIGNAL)).toEqual([
      { to: [{ health: 's-1' }], notice: shelterSide },
      { to: [{ service: 'h-1' }], notice: { ...shelterSide, serviceId: 'h-1' } },
    ]);
    expect(messagesOf({ ...SIGNAL, state: ReferralState.DRAFT })).toEqual([
      { to: [{ health: 's-1' }], notice: { ...shelterSide, state: 'DRAFT' } },
    ]);
    expect(messagesOf({ ...SIGNAL, previousShelterId: 's-0' }).map((m) => m.to)).toEqual([
      [{ health: 's-1' }, { health: 's-0' }],
      [{ service: 'h-1' }],
    ]);
  });

  it('reads whether an escort is needed; a payload of the first trigger has none', () => {
    expect(readSignal(JSON.stringify({ ...SIGNAL, escort: true }))?.escort).toBe(true);
    const { escort: _none, ...before } = SIGNAL;
    expect(readSignal(JSON.stringify(before))?.escort).toBe(false);
  });

  it('tells the shelter’s volunteers (the board) of an escort, ids and version only', () => {
    const escorted = { ...SIGNAL, escort: true, state: ReferralState.SCHEDULED };
    expect(escortMessagesOf(escorted)).toEqual([
      { to: [{ board: 's-1' }], notice: { id: 'r-1', version: 3, shelterId: 's-1' } },
    ]);
    // Moved with the person: the shelter it left hears it too (its volunteers' list changes),
    // told its own id, never the shelter the person went to.
    expect(escortMessagesOf({ ...escorted, previousShelterId: 's-0' })).toEqual([
      { to: [{ board: 's-1' }], notice: { id: 'r-1', version: 3, shelterId: 's-1' } },
      { to: [{ board: 's-0' }], notice: { id: 'r-1', version: 3, shelterId: 's-0' } },
    ]);
    // No escort, or a draft still the shelter's own: nothing to volunteers.
    expect(escortMessagesOf(SIGNAL)).toEqual([]);
    expect(escortMessagesOf({ ...escorted, state: ReferralState.DRAFT })).toEqual([]);
    // An ending is told (the escort leaves their list).
    expect(escortMessagesOf({ ...escorted, state: ReferralState.CANCELLED })).toHaveLength(1);
  });
});
