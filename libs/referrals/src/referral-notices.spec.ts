import { messagesOf, noticeOf, readSignal, type ReferralSignal } from './referral-notices.js';
import { ReferralState } from './referrals.enums.js';

const SIGNAL: ReferralSignal = {
  id: 'r-1',
  version: 3,
  state: ReferralState.SENT,
  shelterId: 's-1',
  serviceId: 'h-1',
  overdueAt: null,
  previousShelterId: null,
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
});
