// `npm run icons`: the finder's icons, drawn from apps/web/public/icon.svg by Chromium (the one
// the browser specs use), written beside it and committed: PNGs at the sizes Chrome asks of an
// installable page (192 and 512), and favicon.ico (16 and 32, PNGs inside an ICO, which every
// browser reads). Run it after changing the SVG; the build itself needs no browser.
import { Buffer } from 'node:buffer';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/public');
const svg = await readFile(path.join(folder, 'icon.svg'), 'utf8');

/** An ICO file holding PNG images (allowed since Windows Vista; every browser reads it). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

const profile = await mkdtemp(path.join(tmpdir(), 'albergue-icons-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await context.newPage();
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0"><img width="${size}" height="${size}" style="display:block" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`,
    );
    await page.waitForFunction('document.images[0].complete');
    return page.screenshot({ type: 'png', omitBackground: true });
  };
  for (const size of [192, 512]) {
    await writeFile(path.join(folder, `icon-${size}.png`), await render(size));
  }
  const small = [];
  for (const size of [16, 32]) {
    small.push({ size, png: await render(size) });
  }
  await writeFile(path.join(folder, 'favicon.ico'), ico(small));
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
console.log(`icons written to ${path.relative(process.cwd(), folder)}`);
