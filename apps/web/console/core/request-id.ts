/**
 * A UUID v4 for a `requestId`: made once per intended act, so that a double tap or a retry of the
 * same act reaches the API with the same id and acts once. From getRandomValues, not
 * crypto.randomUUID, which browsers give only to secure contexts: a shelter's laptop may reach
 * the console over plain http on the office network.
 */
export function newRequestId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
