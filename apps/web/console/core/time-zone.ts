import { deviceTimeZone } from './format.js';

/**
 * The server's TIME_ZONE, from /config.json (the service worker keeps its last copy for a load
 * without network). The device's own zone only when neither answers with a zone this browser
 * knows: times are then the device's, as a phone in the shelter's city shows them anyway.
 */
export async function serverTimeZone(get: typeof fetch = fetch): Promise<string> {
  try {
    const config = (await (await get('/config.json')).json()) as { timeZone?: unknown };
    if (typeof config.timeZone === 'string' && knownZone(config.timeZone)) {
      return config.timeZone;
    }
  } catch {
    // Offline before the first visit was kept, or a page from before the zone was served.
  }
  return deviceTimeZone();
}

function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
