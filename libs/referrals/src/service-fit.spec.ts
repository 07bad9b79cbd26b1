import { Population } from '@albergue/shelters';
import { FitMet } from './health-service.views.js';
import { CapacityStatus, ServiceRequirement } from './referrals.enums.js';
import { primaryLanguage, serviceFit } from './service-fit.js';

const clinic = {
  active: true,
  languages: ['es', 'ht'],
  populations: [Population.WOMEN, Population.FAMILIES],
  requirements: [ServiceRequirement.NO_ID_NEEDED],
};
const accepting = { status: CapacityStatus.ACCEPTING };

describe('serviceFit', () => {
  it('meets language on a shared primary subtag and names the shared languages', () => {
    const fit = serviceFit(clinic, accepting, { languages: ['ht-HT', 'fr'], population: null });
    expect(fit.language).toBe(FitMet.MET);
    expect(fit.sharedLanguages).toEqual(['ht']);
  });

  it('does not meet language when none is spoken, and does not know when either side is silent', () => {
    expect(serviceFit(clinic, accepting, { languages: ['fr'], population: null }).language).toBe(
      FitMet.NOT_MET,
    );
    expect(serviceFit(clinic, accepting, { languages: [], population: null }).language).toBe(
      FitMet.UNKNOWN,
    );
    expect(
      serviceFit({ ...clinic, languages: [] }, accepting, { languages: ['es'], population: null })
        .language,
    ).toBe(FitMet.UNKNOWN);
  });

  it('serves everyone when it lists no group; otherwise the person’s group or not', () => {
    const person = (population: Population | null) => ({ languages: ['es'], population });
    expect(serviceFit(clinic, accepting, person(Population.WOMEN)).population).toBe(FitMet.MET);
    expect(serviceFit(clinic, accepting, person(Population.MEN)).population).toBe(FitMet.NOT_MET);
    expect(serviceFit(clinic, accepting, person(null)).population).toBe(FitMet.UNKNOWN);
    expect(
      serviceFit({ ...clinic, populations: [] }, accepting, person(Population.MEN)).population,
    ).toBe(FitMet.MET);
  });

  it.each([
    [CapacityStatus.ACCEPTING, FitMet.MET, false],
    [CapacityStatus.WAITLIST, FitMet.MET, false],
    [CapacityStatus.NOT_ACCEPTING, FitMet.NOT_MET, true],
    [CapacityStatus.UNKNOWN, FitMet.UNKNOWN, false],
  ])('reads capacity %s as %s (override needed: %s)', (status, met, override) => {
    const fit = serviceFit(clinic, { status }, { languages: ['es'], population: null });
    expect(fit.capacityFit).toBe(met);
    expect(fit.overrideNeeded).toBe(override);
  });

  it('lists the requirements to check, a copy', () => {
    const fit = serviceFit(clinic, accepting, { languages: [], population: null });
    expect(fit.requirementsToCheck).toEqual([ServiceRequirement.NO_ID_NEEDED]);
    expect(fit.requirementsToCheck).not.toBe(clinic.requirements);
  });

  it('takes the primary subtag in lower case', () => {
    expect(primaryLanguage('ES-mx')).toBe('es');
  });
});
