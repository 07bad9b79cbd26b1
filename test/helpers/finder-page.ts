import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on what the page shows now (rule id and where). */
export async function axeFindings(page: Page): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((node) => node.target.join(' ')) }));
  });
}

/** Zooms the finder's map in with its own + button until it reaches `zoom` (it says it on #map). */
export async function zoomTo(page: Page, zoom: number): Promise<void> {
  await page.waitForSelector('#map[data-zoom]');
  for (;;) {
    const now = Number(await page.locator('#map').getAttribute('data-zoom'));
    if (now >= zoom) {
      return;
    }
    await page.click('.leaflet-control-zoom-in');
    await page.waitForSelector(`#map[data-zoom="${now + 1}"]`);
  }
}

/** Shelters on the map: single markers plus the shelters inside every bubble. */
export function shownOnMap(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      document.querySelectorAll('#map .marker').length +
      [...document.querySelectorAll<HTMLElement>('#map .cluster')].reduce(
        (sum, bubble) => sum + Number(bubble.dataset.count),
        0,
      ),
  );
}
