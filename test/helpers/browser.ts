import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../clients/chromium.js';

/**
 * Debian's Chromium, headless, with a fresh profile and none of its background calls home
 * (this machine has no outside network, and tests must not depend on one). `args`: more
 * command-line switches (`--host-resolver-rules=…` to reach a made-up host name).
 */
export async function launchBrowser({
  locale = 'es-MX',
  args = [],
}: { locale?: string; args?: string[] } = {}): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = await mkdtemp(path.join(tmpdir(), 'albergue-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    args: [...CHROMIUM_ARGS, ...args],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
