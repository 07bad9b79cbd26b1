import type { PublicShelter } from '@albergue/contracts';
import { loadCatalogues } from '@albergue/i18n';
import { byBorough, localDate } from './html.js';

const shelter = (name: string, boroughCode: string | null) =>
  ({ name, address: { boroughCode } }) as PublicShelter;

describe(byBorough.name, () => {
  it('groups by the catalogue’s boroughs in the reader’s order, the unknown and the none last', async () => {
    const spanish = (await loadCatalogues()).get('es')!;
    const groups = byBorough(
      [
        shelter('Zeta', 'cdmx-azcapotzalco'),
        shelter('Lejos', null),
        shelter('Beta', 'cdmx-alvaro-obregon'),
        shelter('Alfa', 'cdmx-azcapotzalco'),
        shelter('Retirada', 'cdmx-ya-no-existe'),
      ],
      spanish,
    );
    expect(
      groups.map(({ borough, shelters }) => [borough?.name ?? null, shelters.map((s) => s.name)]),
    ).toEqual([
      ['Álvaro Obregón', ['Beta']],
      ['Azcapotzalco', ['Alfa', 'Zeta']],
      [null, ['Lejos', 'Retirada']],
    ]);
  });
});

describe(localDate.name, () => {
  it('names the month where the runtime has words for the language, else writes the day in numbers', async () => {
    const catalogues = await loadCatalogues();
    const at = new Date('2026-11-29T03:00:00Z');
    expect(localDate(catalogues.get('es')!, at, 'America/Mexico_City')).toBe(
      '28 de noviembre de 2026',
    );
    expect(localDate(catalogues.get('ht')!, at, 'America/Mexico_City')).toBe('28/11/2026');
    expect(localDate(catalogues.get('en')!, at, 'Asia/Kathmandu')).toBe('November 29, 2026');
  });
});
