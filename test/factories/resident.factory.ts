import { randomUUID } from 'node:crypto';

/** Fictional people for the specs; every name and folio here must stay out of the logs. */
export function adult(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    birthYear: 1988,
    nationality: 'HT',
    population: 'FAMILIES',
    languages: ['ht', 'fr'],
    ...overrides,
  };
}

export function householdInput(
  shelterId: string,
  members: Record<string, unknown>[],
  overrides: Record<string, unknown> = {},
) {
  return {
    requestId: randomUUID(),
    shelterId,
    members,
    legalBasis: { basis: 'CONSENT', explainedIn: 'ht', consentIndependentOfService: true },
    ...overrides,
  };
}

export const RESIDENT_FIELDS = `id name birthYear ageBracket nationality population phone notes minor guardianId
  unaccompanied vulnerabilities childProtection { authority notifiedOn caseNumber }
  documents { comarFolio passport curp tvrhNumber } legalBasis { basis explainedIn recordedBy consentWithdrawnAt withdrawalOutcome }
  caseStatus asylumStatus asylumOffice caseNumber anonymised currentShelterId`;

export const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id headId members { ${RESIDENT_FIELDS} } } }`;
