import { describe, expect, it } from '@jest/globals';
import type { AdminHealthService } from './documents.js';
import {
  createServiceInput,
  emptyServiceForm,
  formOfService,
  type ServiceFormValues,
  updateServiceInput,
} from './service-form.js';

function filled(): ServiceFormValues {
  const form = emptyServiceForm();
  form.organisationId = 'org-1';
  form.name = '  Clínica Roma ';
  form.category = 'MENTAL_HEALTH';
  form.street = '  ';
  form.boroughCode = 'cdmx-cuauhtemoc';
  form.lat = '19,43';
  form.lng = '-99.14';
  form.languages = 'es, HT;fr es';
  form.requirements = ['APPOINTMENT_NEEDED', 'NO_ID_NEEDED'];
  form.populations = ['FAMILIES', 'WOMEN'];
  form.periods = [{ days: [3, 1], opens: '09:00', closes: '14:00' }];
  form.sensitive = true;
  return form;
}

describe('health service form', () => {
  it('turns the form as typed into the API’s input, with the act’s requestId', () => {
    expect(createServiceInput(filled(), 'req-1')).toEqual({
      organisationId: 'org-1',
      requestId: 'req-1',
      name: 'Clínica Roma',
      category: 'MENTAL_HEALTH',
      // Nothing typed: no street (the area says where).
      street: null,
      boroughCode: 'cdmx-cuauhtemoc',
      lat: 19.43,
      lng: -99.14,
      phone: null,
      hours: { periods: [{ days: [1, 3], opens: '09:00', closes: '14:00' }] },
      languages: ['es', 'ht', 'fr'],
      cost: 'FREE',
      // In the schema's order, whatever order they were ticked in.
      requirements: ['NO_ID_NEEDED', 'APPOINTMENT_NEEDED'],
      populations: ['WOMEN', 'FAMILIES'],
      public: false,
      sensitive: true,
      active: true,
    });
  });

  it('sends no point when none is typed, and half a point for the API to refuse', () => {
    const form = filled();
    form.lat = '';
    form.lng = '';
    expect(updateServiceInput(form)).toMatchObject({ lat: null, lng: null });
    form.lat = '19.4';
    expect(updateServiceInput(form)).toMatchObject({ lat: 19.4, lng: null });
    expect(updateServiceInput(form)).not.toHaveProperty('organisationId');
    expect(updateServiceInput(form)).not.toHaveProperty('requestId');
  });

  it('reads a service back into the form it was made from', () => {
    const service: AdminHealthService = {
      id: 's-1',
      name: 'Clínica Roma',
      organisationId: 'org-1',
      organisationName: 'MSF',
      category: 'MENTAL_HEALTH',
      street: null,
      boroughCode: 'cdmx-cuauhtemoc',
      lat: 19.43,
      lng: -99.14,
      phone: null,
      hours: { alwaysOpen: false, periods: [{ days: [1, 3], opens: '09:00', closes: '14:00' }] },
      languages: ['es', 'ht', 'fr'],
      cost: 'FREE',
      requirements: ['NO_ID_NEEDED', 'APPOINTMENT_NEEDED'],
      populations: ['WOMEN', 'FAMILIES'],
      public: false,
      sensitive: true,
      active: true,
      capacity: { status: 'UNKNOWN', waitDays: null, reportedAt: null, stale: false },
    };
    const form = formOfService(service);
    expect(form).toMatchObject({ name: 'Clínica Roma', languages: 'es, ht, fr', lat: '19.43' });
    expect(createServiceInput(form, 'r')).toEqual(createServiceInput(filled(), 'r'));
  });
});
