/**
 * Enum names as every client reads them: GraphQL's enum values, socket messages and snapshots
 * all say `MEN`, never the stored `men`. The server's TypeScript enums carry the stored values
 * under these same names (a spec in each owning lib checks they agree).
 */

/** Groups a shelter serves and counts places for. A person may fit several. */
export const POPULATIONS = ['MEN', 'WOMEN', 'FAMILIES', 'LGBTQ', 'UNACCOMPANIED_MINORS'] as const;
export type PopulationName = (typeof POPULATIONS)[number];

export const SERVICES = [
  'MEALS',
  'SHOWERS',
  'LEGAL_AID',
  'MEDICAL',
  'PSYCHOSOCIAL',
  'INTERNET',
  'PHONE_CHARGING',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export const SHELTER_STATUSES = ['OPEN', 'FULL', 'CLOSED', 'TEMPORARILY_CLOSED'] as const;
export type ShelterStatusName = (typeof SHELTER_STATUSES)[number];

/**
 * What the public is told about places. UNKNOWN: figures never reported or not confirmed in
 * time (shown with their age, never as a stale number). NOT_SERVED: asked for a group the
 * shelter does not take ("not for this group"), which is neither full nor unknown.
 */
export const BANDS = ['SPACE', 'FEW', 'FULL', 'CLOSED', 'UNKNOWN', 'NOT_SERVED'] as const;
export type BandName = (typeof BANDS)[number];
