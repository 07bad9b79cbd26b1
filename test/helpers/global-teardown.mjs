import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.albergueTestDatabase?.stop();
  if (process.env.ALBERGUE_TEST_DATA_DIR) {
    await rm(process.env.ALBERGUE_TEST_DATA_DIR, { recursive: true, force: true });
  }
}
