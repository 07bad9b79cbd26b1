import { describe, expect, it } from '@jest/globals';
import { type Hours, hoursText } from './hours.js';
import { loadCatalogues } from './languages.js';
import { clockTime, languageName } from './locale.js';

// Newer ICU writes a narrow no-break space before AM/PM.
const plain = (text: string) => text.replace(/\u202f/g, ' ');

const WEEK_AND_WEEKEND: Hours = {
  alwaysOpen: false,
  periods: [
    { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' },
    { days: [6, 7], opens: '09:30', closes: '14:00' },
  ],
};

describe(hoursText.name, () => {
  it.each([
    [
      'es',
      'Abierto las 24 horas',
      'Lunes a viernes, de 8:00 a 20:00; sábado, domingo, de 9:30 a 14:00',
    ],
    [
      'ht',
      'Louvri 24 è sou 24',
      'Lendi rive vandredi, depi 8:00 rive 20:00; samdi, dimanch, depi 9:30 rive 14:00',
    ],
    [
      'fr',
      'Ouvert 24 h sur 24',
      'Du lundi au vendredi, de 8:00 à 20:00; samedi, dimanche, de 9:30 à 14:00',
    ],
    [
      'en',
      'Open 24 hours',
      'Monday to Friday, 8:00 AM to 8:00 PM; Saturday, Sunday, 9:30 AM to 2:00 PM',
    ],
    [
      'pt',
      'Aberto 24 horas',
      'De segunda-feira a sexta-feira, das 8:00 às 20:00; sábado, domingo, das 9:30 às 14:00',
    ],
  ])('says the hours in %s, with its day names and clock', async (code, always, week) => {
    const catalogue = (await loadCatalogues()).get(code)!;
    expect(hoursText(catalogue, { alwaysOpen: true, periods: [] })).toBe(always);
    expect(plain(hoursText(catalogue, WEEK_AND_WEEKEND))).toBe(week);
  });

  it('says every day once, lists days apart, runs past midnight, and says nothing for no hours', async () => {
    const spanish = (await loadCatalogues()).get('es')!;
    expect(
      hoursText(spanish, {
        alwaysOpen: false,
        periods: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '18:00', closes: '22:00' }],
      }),
    ).toBe('Todos los días, de 18:00 a 22:00');
    expect(
      hoursText(spanish, {
        alwaysOpen: false,
        periods: [{ days: [1, 3, 5, 6, 7], opens: '20:00', closes: '08:00' }],
      }),
    ).toBe('Lunes, miércoles, viernes a domingo, de 20:00 a 8:00');
    expect(hoursText(spanish, null)).toBe('');
  });

  it('adds the shelter’s note as written, with or without hours', async () => {
    const english = (await loadCatalogues()).get('en')!;
    expect(hoursText(english, { alwaysOpen: true, periods: [] }, 'Toque el timbre')).toBe(
      'Open 24 hours. Toque el timbre',
    );
    expect(hoursText(english, null, ' Toque el timbre ')).toBe('Toque el timbre');
  });
});

describe(clockTime.name, () => {
  it('writes a wall-clock time as the reader’s locale does, Haitian Creole as Haiti does in French', async () => {
    const catalogues = await loadCatalogues();
    expect(
      ['es', 'ht', 'fr', 'en', 'pt'].map((code) =>
        plain(clockTime(catalogues.get(code)!, '18:05')),
      ),
    ).toEqual(['18:05', '18:05', '18:05', '6:05 PM', '18:05']);
    expect(plain(clockTime(catalogues.get('en')!, '00:00'))).toBe('12:00 AM');
  });
});

describe(languageName.name, () => {
  it('names the network’s languages from the catalogue, where Intl has no names in Haitian Creole', async () => {
    const catalogues = await loadCatalogues();
    expect(languageName(catalogues.get('ht')!, 'es')).toBe('panyòl');
    expect(languageName(catalogues.get('ht')!, 'ht')).toBe('kreyòl ayisyen');
    expect(languageName(catalogues.get('pt')!, 'ht')).toBe('crioulo haitiano');
  });

  it('names other languages through Intl in the catalogue’s locale, else gives the code', async () => {
    const catalogues = await loadCatalogues();
    expect(languageName(catalogues.get('es')!, 'ar')).toBe('árabe');
    expect(languageName(catalogues.get('ht')!, 'ar')).toBe('arabe');
    expect(languageName(catalogues.get('en')!, 'x')).toBe('x');
  });
});
