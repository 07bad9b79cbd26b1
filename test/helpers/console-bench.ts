import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../clients/chromium.js';
import type { TestApp } from './test-app.js';

/**
 * One Chromium for a console spec, and a context per person in it (cookies are per context), in
 * Spanish as written in Mexico; `close` closes them all, then the browser.
 */
export interface ConsoleBrowser {
  browser: Browser;
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function consoleBrowser(): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newContext() {
      const context = await browser.newContext({ locale: 'es-MX' });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) {
        await context.close();
      }
      await browser.close();
    },
  };
}

/**
 * The stays these residents have at a shelter (only those still open with `open`): an act made
 * once must show as exactly one, a refused one as none.
 */
export async function staysAt(
  app: Pick<TestApp, 'sql'>,
  shelterId: string,
  residentIds: string[],
  { open = false }: { open?: boolean } = {},
): Promise<number> {
  const [row] = await app.sql<{ n: string }>(
    `SELECT count(*) AS n FROM bed_assignment
      WHERE resident_id = ANY($1) AND kind = 'stay' AND shelter_id = $2
        AND ($3::boolean IS FALSE OR ended_at IS NULL)`,
    [residentIds, shelterId, open],
  );
  return Number(row.n);
}
