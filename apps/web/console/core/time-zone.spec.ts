import { describe, expect, it } from '@jest/globals';
import { deviceTimeZone } from './format.js';
import { serverTimeZone } from './time-zone.js';

const answering = (body: unknown) => (() => Promise.resolve(Response.json(body))) as typeof fetch;

describe(serverTimeZone.name, () => {
  it('is the TIME_ZONE /config.json gives', async () => {
    const zone = deviceTimeZone() === 'Asia/Kathmandu' ? 'America/Mexico_City' : 'Asia/Kathmandu';
    expect(await serverTimeZone(answering({ tileUrl: '', timeZone: zone }))).toBe(zone);
  });

  it('falls back to the device’s zone without an answer, or with none it knows', async () => {
    const offline = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
    expect(await serverTimeZone(offline)).toBe(deviceTimeZone());
    expect(await serverTimeZone(answering({ tileUrl: '' }))).toBe(deviceTimeZone());
    expect(await serverTimeZone(answering({ timeZone: 'Mars/Olympus_Mons' }))).toBe(
      deviceTimeZone(),
    );
  });
});
