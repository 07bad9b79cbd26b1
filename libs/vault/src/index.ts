export { CryptoKey } from './crypto-key.entity.js';
export { FieldCipher, normaliseDocument, normaliseName } from './field-cipher.js';
export {
  type Keyring,
  KeyringError,
  keyId,
  newKey,
  parseKeyring,
  serialiseKeyring,
} from './keyring.js';
