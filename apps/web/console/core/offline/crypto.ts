/**
 * The queue's lock: AES-GCM (WebCrypto) under the key the server hands to the signed-in user's
 * session (`offlineQueueKey`), bound to that user's id (additional data). The key lives in
 * memory only: after a reload it is fetched again, so a browser without a session cannot open
 * what it keeps. WebCrypto's `subtle` exists only in secure contexts (https, localhost).
 */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export interface QueueCipher {
  seal(value: unknown): Promise<Sealed>;
  /** Throws when the key or the user is another one. */
  open(sealed: Sealed): Promise<unknown>;
}

/** WebCrypto where the page may use it; null on plain http (the queue then stays in memory). */
export function secureSubtle(scope: {
  isSecureContext?: boolean;
  crypto?: Crypto;
}): SubtleCrypto | null {
  return scope.isSecureContext && scope.crypto?.subtle ? scope.crypto.subtle : null;
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

export async function queueCipher(
  subtle: SubtleCrypto,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>,
  key: string,
  userId: string,
): Promise<QueueCipher> {
  const cryptoKey = await subtle.importKey('raw', fromBase64url(key), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const additionalData = new TextEncoder().encode(`offline-queue:${userId}`);
  return {
    async seal(value) {
      const iv = random(new Uint8Array(12));
      const data = await subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData },
        cryptoKey,
        new TextEncoder().encode(JSON.stringify(value)),
      );
      return { iv, data };
    },
    async open(sealed) {
      const plain = await subtle.decrypt(
        { name: 'AES-GCM', iv: sealed.iv, additionalData },
        cryptoKey,
        sealed.data,
      );
      return JSON.parse(new TextDecoder().decode(plain)) as unknown;
    },
  };
}
