import { describe, expect, it } from '@jest/globals';
import {
  createInput,
  emptyShelterForm,
  formOf,
  hoursOf,
  type ShelterFormValues,
  typedNumber,
  updateInput,
} from './shelter-form.js';
import type { ShelterToEdit } from './documents.js';

function filled(): ShelterFormValues {
  const form = emptyShelterForm('org-1');
  form.name = '  Casa Refugio ';
  form.lat = '19,4326';
  form.lng = '-99.1332';
  form.sensitive = true;
  form.groups.WOMEN = { served: true, totalBeds: '12', overflowTotal: '' };
  form.groups.FAMILIES = { served: true, totalBeds: '8', overflowTotal: '4' };
  form.groups.MEN = { served: false, totalBeds: '30', overflowTotal: '' };
  form.boroughCode = 'cdmx-cuauhtemoc';
  form.street = '';
  form.languages = 'es, HT;fr es';
  form.services = ['SHOWERS', 'MEALS'];
  form.maxStayDays = '30';
  return form;
}

describe(createInput.name, () => {
  it('turns what was typed into the API’s input: numbers with a comma, groups served only', () => {
    const input = createInput(filled(), 'request-1');
    expect(input).toMatchObject({
      requestId: 'request-1',
      organisationId: 'org-1',
      name: 'Casa Refugio',
      sensitive: true,
      location: { lat: 19.4326, lng: -99.1332 },
      capacity: [
        { population: 'WOMEN', totalBeds: 12, overflowTotal: 0 },
        { population: 'FAMILIES', totalBeds: 8, overflowTotal: 4 },
      ],
      languages: ['es', 'ht', 'fr'],
      // In the API's order, whatever order they were ticked in.
      services: ['MEALS', 'SHOWERS'],
      eligibility: { maxStayDays: 30, curfew: null },
    });
  });

  it('sends empty fields as null (cleared), never as empty strings', () => {
    const input = createInput(filled(), 'r');
    expect(input.address).toMatchObject({ street: null, boroughCode: 'cdmx-cuauhtemoc' });
    expect(input.contact).toEqual({ phone: null, whatsapp: null, email: null });
  });

  it('leaves a point off the globe for the API to refuse, in its words', () => {
    const form = filled();
    form.lat = '95';
    expect(createInput(form, 'r').location.lat).toBe(95);
  });
});

describe(updateInput.name, () => {
  it('sends declared places only for a shelter in counts mode', () => {
    expect(updateInput(filled(), 'COUNTS').capacity).toHaveLength(2);
    expect(updateInput(filled(), 'BEDS')).not.toHaveProperty('capacity');
  });
});

describe(hoursOf.name, () => {
  it('says always open, the periods with days, or not stated', () => {
    const form = emptyShelterForm();
    expect(hoursOf(form)).toBeNull();
    form.periods = [
      { days: [5, 1], opens: '08:00', closes: '20:00' },
      { days: [], opens: '10:00', closes: '12:00' },
    ];
    expect(hoursOf(form)).toEqual({ periods: [{ days: [1, 5], opens: '08:00', closes: '20:00' }] });
    form.alwaysOpen = true;
    expect(hoursOf(form)).toEqual({ alwaysOpen: true });
  });
});

describe(typedNumber.name, () => {
  it('reads a decimal comma, and nothing as NaN', () => {
    expect(typedNumber(' 19,5 ')).toBe(19.5);
    expect(typedNumber('')).toBeNaN();
    expect(typedNumber('abc')).toBeNaN();
  });
});

describe(formOf.name, () => {
  it('fills the form from the shelter as it is, and back to the same input', () => {
    const read: ShelterToEdit = {
      shelter: {
        id: 's1',
        name: 'Casa Refugio',
        status: 'OPEN',
        sensitive: true,
        trackingMode: 'COUNTS',
        organisation: { id: 'org-1' },
        services: ['MEALS'],
        languages: ['es', 'ht'],
        openingHours: null,
        hours: { alwaysOpen: false, periods: [{ days: [1, 2], opens: '08:00', closes: '20:00' }] },
        contact: { phone: '+52 55 1234 5678', whatsapp: null, email: null },
        eligibility: {
          idRequired: false,
          petsAllowed: true,
          wheelchairAccessible: false,
          maxStayDays: null,
          curfew: '22:00',
        },
      },
      networkShelter: {
        id: 's1',
        lat: 19.41,
        lng: -99.15,
        address: {
          street: 'Calle 1',
          neighbourhood: null,
          boroughCode: 'cdmx-cuauhtemoc',
          city: 'Ciudad de México',
          state: null,
          postalCode: '06700',
        },
        capacity: [{ population: 'WOMEN', totalBeds: 12, overflowTotal: 0 }],
      },
    };
    const form = formOf(read);
    expect(form.groups.WOMEN).toEqual({ served: true, totalBeds: '12', overflowTotal: '' });
    expect(form.groups.MEN.served).toBe(false);
    expect(form.languages).toBe('es, ht');
    expect(updateInput(form, 'COUNTS')).toMatchObject({
      name: 'Casa Refugio',
      location: { lat: 19.41, lng: -99.15 },
      address: { street: 'Calle 1', postalCode: '06700', neighbourhood: null },
      contact: { phone: '+52 55 1234 5678' },
      hours: { periods: [{ days: [1, 2], opens: '08:00', closes: '20:00' }] },
      eligibility: { petsAllowed: true, curfew: '22:00', maxStayDays: null },
      capacity: [{ population: 'WOMEN', totalBeds: 12, overflowTotal: 0 }],
    });
  });
});
