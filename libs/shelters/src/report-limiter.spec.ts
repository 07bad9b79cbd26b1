import { limitedAddress, ReportLimiter } from './report-limiter.js';

const HOUR = 3_600_000;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function setup(maxRemembered = 100) {
  let now = 0;
  const sut = new ReportLimiter(HOUR, maxRemembered, () => now);
  return { sut, later: (ms: number) => (now += ms) };
}

describe(ReportLimiter.name, () => {
  it('counts an address once per shelter within the hour, and another shelter or address apart', () => {
    const { sut, later } = setup();
    expect(sut.claim('203.0.113.7', A)).toBe(true);
    later(59 * 60_000);
    expect(sut.claim('203.0.113.7', A)).toBe(false);
    expect(sut.claim('203.0.113.7', B)).toBe(true);
    expect(sut.claim('203.0.113.8', A)).toBe(true);
  });

  it('counts the address again an hour after it was counted, across key changes', () => {
    const { sut, later } = setup();
    later(50 * 60_000);
    expect(sut.claim('203.0.113.7', A)).toBe(true);
    // The key changes at the hour: a hash made just before is still found under the old key.
    later(30 * 60_000);
    expect(sut.claim('203.0.113.7', A)).toBe(false);
    later(30 * 60_000);
    expect(sut.claim('203.0.113.7', A)).toBe(true);
    // Hours without any report: keys and hashes are gone, and it counts again.
    later(5 * HOUR);
    expect(sut.claim('203.0.113.7', A)).toBe(true);
    expect(sut.claim('203.0.113.7', A)).toBe(false);
  });

  it('lets an address try again when its report could not be stored', () => {
    const { sut } = setup();
    expect(sut.claim('203.0.113.7', A)).toBe(true);
    sut.release('203.0.113.7', A);
    expect(sut.claim('203.0.113.7', A)).toBe(true);
  });

  it('counts an IPv6 network (/64) as one address, and an IPv4 address in IPv6 clothes as itself', () => {
    const { sut } = setup();
    expect(sut.claim('2001:db8:1:2:aaaa::1', A)).toBe(true);
    expect(sut.claim('2001:db8:1:2:bbbb:cccc:dddd:eeee', A)).toBe(false);
    expect(sut.claim('2001:db8:1:3::1', A)).toBe(true);
    expect(sut.claim('::ffff:203.0.113.7', A)).toBe(true);
    expect(sut.claim('203.0.113.7', A)).toBe(false);
  });

  it('forgets the oldest first when it must hold more than it may', () => {
    const { sut } = setup(2);
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(sut.claim(address, A)).toBe(true);
    }
    expect(sut.claim('198.51.100.1', A)).toBe(true);
    expect(sut.claim('198.51.100.3', A)).toBe(false);
  });
});

describe(limitedAddress.name, () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0001:0002:0003:0004:0005:0006', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s counts as %s', (address, expected) => {
    expect(limitedAddress(address)).toBe(expected);
  });
});
