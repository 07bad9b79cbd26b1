import type { AvailabilityRules } from './availability.js';

export const SHELTERS_OPTIONS = Symbol('SHELTERS_OPTIONS');

export type SheltersOptions = AvailabilityRules;
