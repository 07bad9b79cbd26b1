import { CryptoKey } from './crypto-key.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const VAULT_ENTITIES = [CryptoKey];
