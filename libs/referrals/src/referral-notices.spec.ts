import { audiencesOf, noticeOf, readSignal, type ReferralSignal } from './referral-notices.js';
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
    expect(noticeOf(SIGNAL)).toEqual({
      id: 'r-1',
      version: 3,
      state: 'SENT',
      shelterId: 's-1',
      serviceId: 'h-1',
      overdue: false,
    });
    expect(noticeOf({ ...SIGNAL, overdueAt: '2026-11-29T10:00:00Z' }).overdue).toBe(true);
    expect(
      noticeOf({
        ...SIGNAL,
        state: ReferralState.ACCEPTED,
        overdueAt: '2026-11-29T10:00:00Z',
      }),
    ).toMatchObject({ state: 'ACCEPTED', overdue: false });
    expect(Object.keys(noticeOf(SIGNAL)).sort()).toEqual(
      ['id', 'overdue', 'serviceId', 'shelterId', 'state', 'version'].sort(),
    );
  });

  it('tells the following shelter’s health roles, the one it left, and the service once sent', () => {
    expect(audiencesOf(SIGNAL)).toEqual([{ health: 's-1' }, { service: 'h-1' }]);
    expect(audiencesOf({ ...SIGNAL, state: ReferralState.DRAFT })).toEqual([{ health: 's-1' }]);
    expect(audiencesOf({ ...SIGNAL, previousShelterId: 's-0' })).toEqual([
      { health: 's-1' },
      { health: 's-0' },
      { service: 'h-1' },
    ]);
  });
});
