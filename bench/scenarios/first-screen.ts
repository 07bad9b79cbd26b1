import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bandFor, offersSpace, type PublicSnapshot } from '@albergue/contracts';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../clients/chromium.js';
import { type BenchProcess, recreateDatabase, spawnApi } from '../harness.js';

/** The project root, from dist/bench/scenarios (where this file runs). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A phone's screen, and its CPU four times slower than this machine's (as in the issue). */
const PHONE = { width: 360, height: 740 };
const CPU_SLOWDOWN = 4;

/** Network conditions, as Chromium's DevTools emulate them (latency per request). */
export interface Condition {
  name: string;
  latencyMs: number;
  downKbps: number;
  upKbps: number;
}

export const CONDITIONS: Condition[] = [
  // DevTools' "Fast 3G" preset (Lighthouse's mobile throttling of old): 1.6 Mbps and 750 kbps
  // at 90%, 562.5 ms.
  { name: '3G', latencyMs: 562.5, downKbps: 1474.56, upKbps: 675 },
  { name: '250 kbps, 800 ms', latencyMs: 800, downKbps: 250, upKbps: 250 },
];

export type FirstScreenPage = 'finder' | '/text';

export interface FirstScreenRow {
  network: string;
  shelters: number;
  condition: string;
  page: FirstScreenPage;
  runs: number;
  /** From navigation start to the frame after the first shelter name is in the page, median. */
  firstNameMs: number;
  firstNameMsRange: [number, number];
  /** Every byte on the wire (headers included) until the network is quiet, median. */
  bytes: number;
}

export interface FirstScreenReport {
  cpuSlowdown: number;
  rows: FirstScreenRow[];
}

/** Where each page's first shelter name is: the finder's first card, a /text borough's first entry. */
const NAME: Record<FirstScreenPage, string> = { finder: '.cards .open', '/text': 'ol li b' };

/**
 * "first-screen": a phone opening the finder cold (no cache, no service worker), CPU slowed 4×,
 * on emulated 3G and at 250 kbps / 800 ms; measured is the time until the first shelter's name
 * is on screen and the bytes it took. The peer, in the same run and conditions, is `/text`,
 * the page without script, opened at the borough of a shelter with space (its first name).
 * Networks: the demo network on a database of its own, and (unless quick) the bench's seeded
 * one. Albergue runs as `npm start` in a process of its own; the browser is Debian's Chromium.
 */
export async function firstScreen({
  databaseUrl,
  runs,
  seeded,
}: {
  databaseUrl: string;
  runs: number;
  /** Also measure on the bench's seeded network (1,000 shelters in a whole run). */
  seeded: boolean;
}): Promise<FirstScreenReport> {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` before the bench');
  }
  const networks = [
    { name: 'demo', url: await recreateDatabase(databaseUrl, 'albergue_bench_first_screen') },
    ...(seeded ? [{ name: 'seeded', url: databaseUrl }] : []),
  ];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const rows: FirstScreenRow[] = [];
  try {
    for (const network of networks) {
      // The first start on the new database migrates it and loads the demo network.
      const api = await spawnApi(network.url);
      try {
        rows.push(...(await measureNetwork(browser, api, network.name, runs)));
      } finally {
        await api.stop();
      }
    }
  } finally {
    await browser.close();
  }
  return { cpuSlowdown: CPU_SLOWDOWN, rows };
}

async function measureNetwork(
  browser: Browser,
  api: BenchProcess,
  network: string,
  runs: number,
): Promise<FirstScreenRow[]> {
  const snapshot = (await (await fetch(`${api.url}/availability.json`)).json()) as PublicSnapshot;
  const withSpace = snapshot.shelters.find(
    (shelter) => offersSpace(bandFor(shelter, null)) && shelter.address.borough,
  );
  if (!withSpace) {
    throw new Error(`the ${network} network has no shelter with space in a borough`);
  }
  const paths: Record<FirstScreenPage, string> = {
    finder: '/?lang=es',
    '/text': `/text?lang=es&borough=${encodeURIComponent(withSpace.address.borough!)}`,
  };
  const rows: FirstScreenRow[] = [];
  for (const condition of CONDITIONS) {
    const samples: Record<FirstScreenPage, { ms: number; bytes: number }[]> = {
      finder: [],
      '/text': [],
    };
    for (let run = 0; run < runs; run += 1) {
      // Alternating which goes first, so that neither always meets a warmer server.
      const order: FirstScreenPage[] = run % 2 === 0 ? ['finder', '/text'] : ['/text', 'finder'];
      for (const page of order) {
        samples[page].push(await load(browser, api.url, paths[page], NAME[page], condition));
      }
    }
    for (const page of ['finder', '/text'] as const) {
      const times = samples[page].map((sample) => sample.ms);
      rows.push({
        network,
        shelters: snapshot.shelters.length,
        condition: condition.name,
        page,
        runs,
        firstNameMs: median(times),
        firstNameMsRange: [Math.min(...times), Math.max(...times)],
        bytes: median(samples[page].map((sample) => sample.bytes)),
      });
    }
  }
  return rows;
}

/** One cold load in a new browser context: ms to the first name, and bytes until quiet. */
async function load(
  browser: Browser,
  origin: string,
  pagePath: string,
  name: string,
  condition: Condition,
): Promise<{ ms: number; bytes: number }> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'es-MX',
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    // A page of the same origin first, so that throttling is set on the renderer that loads
    // the measured page.
    await page.goto(`${origin}/health`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: condition.latencyMs,
      downloadThroughput: (condition.downKbps * 1000) / 8,
      uploadThroughput: (condition.upKbps * 1000) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    await page.addInitScript((selector: string) => {
      const marks = window as unknown as { firstName?: number };
      new MutationObserver(() => {
        if (marks.firstName === undefined && document.querySelector(selector)) {
          marks.firstName = -1;
          requestAnimationFrame(() => {
            marks.firstName = performance.now();
          });
        }
      }).observe(document, { childList: true, subtree: true });
    }, name);
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'commit' });
    const ms = (await (
      await page.waitForFunction(
        () => {
          const mark = (window as unknown as { firstName?: number }).firstName;
          return mark !== undefined && mark >= 0 && mark;
        },
        undefined,
        { timeout: 60_000 },
      )
    ).jsonValue()) as number;
    await page.waitForLoadState('networkidle');
    return { ms: Math.round(ms), bytes };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}
