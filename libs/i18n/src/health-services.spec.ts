import en from './catalogues/en.js';
import es from './catalogues/es.js';
import type { Catalogue } from './catalogue.js';
import { type HealthServiceFacts, healthServiceText } from './health-services.js';

const now = Date.parse('2026-11-29T12:00:00Z');
const facts = (overrides: Partial<HealthServiceFacts> = {}): HealthServiceFacts => ({
  name: 'Clínica',
  category: 'clinic',
  sensitive: false,
  street: 'Calle 1',
  borough: 'Cuauhtémoc',
  distanceKm: 1.25,
  phone: null,
  hours: { alwaysOpen: true, periods: [] },
  languages: ['es', 'ht'],
  cost: 'free',
  requirements: ['no_id_needed'],
  populations: ['women'],
  capacity: { status: 'accepting', waitDays: null, reportedAt: '2026-11-29T10:00:00Z' },
  ...overrides,
});

describe(healthServiceText.name, () => {
  it('says capacity in words with a symbol, its age, where and the details', () => {
    const words = healthServiceText(es as Catalogue, facts(), now);
    expect(words.capacity).toBe('✔ Recibe personas');
    expect(words.age).toBe('actualizado hace 2 h');
    expect(words.where).toBe('Calle 1, Cuauhtémoc · a 1.3 km');
    expect(Object.fromEntries(words.details)).toMatchObject({
      Requisitos: 'Gratis, No pide identificación',
      'Atiende a': 'Mujer',
    });
  });

  it('says a waitlist’s wait, and an unknown or never reported capacity plainly', () => {
    const say = (capacity: HealthServiceFacts['capacity']) =>
      healthServiceText(en as Catalogue, facts({ capacity }), now);
    expect(
      say({ status: 'waitlist', waitDays: 1, reportedAt: '2026-11-29T11:00:00Z' }).capacity,
    ).toBe('! Waiting list · 1 day wait');
    const stale = say({ status: 'unknown', waitDays: null, reportedAt: '2026-11-26T12:00:00Z' });
    expect([stale.capacity, stale.age]).toEqual([
      '? Space unknown: the last report is old',
      'updated 3 days ago',
    ]);
    const never = say({ status: 'unknown', waitDays: null, reportedAt: null });
    expect([never.capacity, never.age]).toEqual(['? Space not reported', '']);
  });

  it('places a sensitive one by its borough only, and says its address is not published', () => {
    const words = healthServiceText(es as Catalogue, facts({ sensitive: true, street: 'X' }), now);
    expect(words.where).toBe(
      'Cuauhtémoc · Dirección no publicada por seguridad: llame para saber cómo llegar.',
    );
  });
});
