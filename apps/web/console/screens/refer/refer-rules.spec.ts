import { describe, expect, it } from '@jest/globals';
import type { Service } from './refer-documents.js';
import {
  freshDraft,
  freshPerson,
  missing,
  type ReferDraft,
  referralInput,
  sends,
  serviceKindsFor,
  servicesFor,
  slipLanguage,
} from './refer-rules.js';

const capacity = (status: Service['capacity']['status']): Pick<Service, 'capacity'> => ({
  capacity: { status, waitDays: null, reportedAt: null, ageMinutes: null, stale: false },
});

const complete = (change: Partial<ReferDraft> = {}): ReferDraft => ({
  ...freshDraft('ht'),
  category: 'ACUTE_ILLNESS',
  urgency: 'ROUTINE',
  serviceId: 'service-1',
  reason: '  fiebre de tres días ',
  consent: 'GIVEN',
  shares: ['REASON_WITH_SERVICE'],
  ...change,
});

describe('refer rules', () => {
  it('sends with consent, or in an emergency under vital interest; keeps a draft otherwise', () => {
    expect(sends({ consent: 'GIVEN', urgency: 'ROUTINE' })).toBe(true);
    expect(sends({ consent: 'NOT_NOW', urgency: 'EMERGENCY' })).toBe(false);
    expect(sends({ consent: 'VITAL_INTEREST', urgency: 'EMERGENCY' })).toBe(true);
    expect(sends({ consent: 'VITAL_INTEREST', urgency: 'URGENT' })).toBe(false);
    expect(sends({ consent: undefined, urgency: 'ROUTINE' })).toBe(false);
  });

  it('names what is missing, the override only for a service not accepting that is sent to', () => {
    expect(missing(freshDraft('es'), undefined)).toEqual([
      'category',
      'urgency',
      'service',
      'reason',
      'consent',
    ]);
    expect(missing(complete(), capacity('ACCEPTING'))).toEqual([]);
    expect(missing(complete(), capacity('NOT_ACCEPTING'))).toEqual(['override']);
    expect(missing(complete({ override: 'CALLED_AND_AGREED' }), capacity('NOT_ACCEPTING'))).toEqual(
      [],
    );
    // A draft does not leave: the override is asked when it is sent.
    expect(missing(complete({ consent: 'NOT_NOW' }), capacity('NOT_ACCEPTING'))).toEqual([]);
    // A stale report reads UNKNOWN: nothing to override.
    expect(missing(complete(), capacity('UNKNOWN'))).toEqual([]);
    expect(missing(complete({ reason: '   ' }), capacity('ACCEPTING'))).toEqual(['reason']);
    expect(missing(complete({ consentLanguage: '' }), capacity('ACCEPTING'))).toEqual([
      'consentLanguage',
    ]);
    expect(missing(complete({ consent: 'VITAL_INTEREST' }), capacity('ACCEPTING'))).toEqual([
      'consent',
    ]);
    expect(missing(complete(), capacity('ACCEPTING'), freshPerson())).toEqual(['person']);
  });

  it('asks for sex at birth when it is ticked as clinically needed but not chosen', () => {
    const person = { ...freshPerson(), alias: 'Wilner', ageBracket: 'ADULT' as const };
    expect(missing(complete(), capacity('ACCEPTING'), person)).toEqual([]);
    expect(missing(complete(), capacity('ACCEPTING'), { ...person, sexNeeded: true })).toEqual([
      'sex',
    ]);
    expect(
      missing(complete(), capacity('ACCEPTING'), {
        ...person,
        sexNeeded: true,
        sexAtBirth: 'FEMALE',
      }),
    ).toEqual([]);
    // Not ticked: a sex chosen before is not asked for (and not sent).
    expect(missing(complete(), capacity('ACCEPTING'), { ...person, sexAtBirth: 'FEMALE' })).toEqual(
      [],
    );
  });

  it('makes the input: consent with its language and shares, or a draft without any', () => {
    const sent = referralInput(complete(), 'shelter-1', { residentId: 'r-1' }, 'req-1');
    expect(sent).toEqual({
      requestId: 'req-1',
      shelterId: 'shelter-1',
      serviceId: 'service-1',
      category: 'ACUTE_ILLNESS',
      urgency: 'ROUTINE',
      reason: 'fiebre de tres días',
      needsEscort: false,
      needsTransport: false,
      send: true,
      consent: { basis: 'CONSENT', language: 'ht', shares: ['REASON_WITH_SERVICE'] },
      residentId: 'r-1',
    });
    const draft = referralInput(
      complete({ consent: 'NOT_NOW', interpreterLanguage: 'ht' }),
      'shelter-1',
      { residentId: 'r-1' },
      'req-2',
    );
    expect(draft.send).toBe(false);
    expect(draft.consent).toBeUndefined();
    expect(draft.interpreterLanguage).toBe('ht');
    const vital = referralInput(
      complete({ consent: 'VITAL_INTEREST', urgency: 'EMERGENCY', override: 'EMERGENCY' }),
      'shelter-1',
      { residentId: 'r-1' },
      'req-3',
    );
    expect(vital.consent).toEqual({ basis: 'VITAL_INTEREST' });
    expect(vital.capacityOverride).toBe('EMERGENCY');
    expect(vital.send).toBe(true);
  });

  it('describes a person met at a field visit, sex at birth only when clinically needed', () => {
    const person = {
      ...freshPerson(),
      alias: ' Wilner ',
      ageBracket: 'ADULT' as const,
      languages: ['ht'],
      sexAtBirth: 'MALE' as const,
    };
    const input = referralInput(complete(), 's', { person }, 'req');
    expect(input.person).toEqual({ alias: 'Wilner', ageBracket: 'ADULT', languages: ['ht'] });
    expect(input.residentId).toBeUndefined();
    const needed = referralInput(complete(), 's', { person: { ...person, sexNeeded: true } }, 'r');
    expect(needed.person?.sexAtBirth).toBe('MALE');
  });

  it('prints the slip in the first of the person’s languages the console knows, else Spanish', () => {
    const known = ['en', 'es', 'fr', 'ht', 'pt'];
    expect(slipLanguage(['nah', 'ht', 'fr'], known)).toBe('ht');
    expect(slipLanguage(['tzo'], known)).toBe('es');
    expect(slipLanguage(null, known)).toBe('es');
  });

  it('suggests the kinds of service for the care asked, every kind for "other"', () => {
    expect(serviceKindsFor('DENTAL')).toEqual(['DENTAL']);
    expect(serviceKindsFor('CERTIFICATION')).toEqual(['LEGAL_MEDICAL_CERTIFICATION']);
    expect(serviceKindsFor('OTHER')).toBeNull();
  });

  it('filters the directory read once on the device, by the kinds for the category', () => {
    const directory = [
      { id: 'dentist', category: 'DENTAL' as const },
      { id: 'clinic', category: 'CLINIC' as const },
      { id: 'pharmacy', category: 'PHARMACY' as const },
      { id: 'mind', category: 'MENTAL_HEALTH' as const },
    ];
    const ids = (listed: readonly { id: string }[]) => listed.map((each) => each.id);
    expect(ids(servicesFor(directory, 'DENTAL', false))).toEqual(['dentist']);
    expect(ids(servicesFor(directory, 'MEDICINES', false))).toEqual(['clinic', 'pharmacy']);
    expect(ids(servicesFor(directory, 'OTHER', false))).toEqual(ids(directory));
    expect(ids(servicesFor(directory, 'DENTAL', true))).toEqual(ids(directory));
    expect(ids(servicesFor(directory, undefined, false))).toEqual(ids(directory));
  });
});
