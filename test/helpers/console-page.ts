import { type ConsoleCatalogue, loadConsoleCatalogue } from '@albergue/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { freshCode } from '../../clients/graphql-client.js';
import type { Person } from '../factories/staff.factory.js';
import type { Reachable } from './test-app.js';

/** A phone's screen, as the console is first made for. */
export const PHONE = { width: 360, height: 740 };

/** The console's words in a language, as the spec's expectations read them. */
export async function consoleWords(code: string): Promise<ConsoleCatalogue['strings']> {
  return (await loadConsoleCatalogue(code))!.strings;
}

/** A new page at a console address (`/console/…`), on a phone's screen, in `lang`. */
export async function openConsole(
  context: BrowserContext,
  app: Reachable,
  path = '/console/',
  lang = 'es',
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  return page;
}

/** Who signs in through the console: a network role also has their authenticator's secret. */
export type ConsoleUser = Pick<Person, 'email' | 'password' | 'totpSecret'>;

/**
 * Signs `person` in through the console's own form (the page must show it) and waits for the
 * shell: what a volunteer does at the start of a shift. A network role (with a `totpSecret`) then
 * types the code their authenticator app shows.
 */
export async function signInThrough(page: Page, person: ConsoleUser) {
  await page.fill('.sign-in input[name=email]', person.email);
  await page.fill('.sign-in input[name=password]', person.password);
  await page.click('.sign-in form button[type=submit]');
  if (person.totpSecret) {
    await page.fill('.sign-in input[name=code]', await freshCode(person.totpSecret));
    await page.click('.sign-in form button[type=submit]');
  }
  await page.waitForSelector('header.top .connection');
}

/** A browser context of its own for one person (cookies are per context), with the console open. */
export async function consoleFor(
  context: BrowserContext,
  app: Reachable,
  person: ConsoleUser,
  path = '/console/',
  lang = 'es',
): Promise<Page> {
  const page = await openConsole(context, app, path, lang);
  await signInThrough(page, person);
  return page;
}

/**
 * The screens beyond a volunteer's first view are chunks of their own (the console's
 * routes.tsx: chunks/*-screens.ts), fetched only when one of them is opened.
 */
export const SCREEN_CHUNK = /^\/assets\/console\/(\w+)-screens-[\w-]+\.js$/;

/** The screen chunks a context fetches from now on ('admin', 'network'…), as they are fetched. */
export function screenChunksOf(context: BrowserContext): string[] {
  const fetched: string[] = [];
  context.on('request', (request) => {
    const found = SCREEN_CHUNK.exec(new URL(request.url()).pathname);
    if (found) {
      fetched.push(found[1]);
    }
  });
  return fetched;
}
