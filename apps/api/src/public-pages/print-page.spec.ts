import { loadCatalogues } from '@albergue/i18n';
import { printPage } from './print-page.js';

describe(printPage.name, () => {
  const sheet = async (mapUrl: string | null) =>
    printPage({
      catalogue: (await loadCatalogues()).get('fr')!,
      shelters: [],
      mapUrl,
      now: new Date('2026-11-28T20:00:00Z'),
      timeZone: 'America/Mexico_City',
    });

  it('draws a QR code and prints the link to the map', async () => {
    const sut = await sheet('https://albergue.example.org/?lang=fr');
    expect(sut).toMatch(/<svg[^>]*>.*<\/svg>/s);
    expect(sut).toContain('https://albergue.example.org/?lang=fr');
  });

  it('prints no code and no link when the public address is not configured', async () => {
    const sut = await sheet(null);
    expect(sut).not.toContain('<svg');
    expect(sut).toContain('size: A4');
  });
});
