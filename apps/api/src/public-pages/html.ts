import { type Catalogue, format, type MessageKey } from '@albergue/i18n';
import type { PublicShelter } from '@albergue/shelters';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The groups a person may ask for, as the public side names them. */
export const GROUPS = ['MEN', 'WOMEN', 'FAMILIES', 'LGBTQ', 'UNACCOMPANIED_MINORS'] as const;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(catalogue: Catalogue): Translate {
  return (key, params) => escapeHtml(format(catalogue.strings[key], params));
}

/** The band for the group (the shelter's overall band when no group is chosen). */
export function bandFor(
  shelter: PublicShelter,
  group: string | null,
): PublicShelter['availability']['band'] {
  return group
    ? (shelter.availability.byPopulation.find((p) => p.population === group)?.band ?? 'UNKNOWN')
    : shelter.availability.band;
}

/** A shelter a person can go to tonight: open, fresh figures, a place for the group (any group when none). */
export function hasSpace(shelter: PublicShelter, group: string | null): boolean {
  const band = bandFor(shelter, group);
  return band === 'SPACE' || band === 'FEW';
}

/** Free places for the group (or in all), regular and overflow; null where the public sees bands only. */
export function freePlaces(shelter: PublicShelter, group: string | null): number | null {
  const figures = group
    ? shelter.availability.byPopulation.find((p) => p.population === group)
    : shelter.availability;
  if (!figures || figures.freeBeds === null) {
    return null;
  }
  return figures.freeBeds + (figures.overflowFree ?? 0);
}

/** The public address on one line (a sensitive shelter's has no street). */
export function addressLine(shelter: PublicShelter): string {
  const { street, neighbourhood, borough, city } = shelter.address;
  return [street, neighbourhood, borough, city].filter(Boolean).join(', ');
}

/** Boroughs with their shelters, in the order people read them. */
export function byBorough(shelters: PublicShelter[]): Map<string, PublicShelter[]> {
  const groups = new Map<string, PublicShelter[]>();
  for (const shelter of [...shelters].sort((a, b) => a.name.localeCompare(b.name))) {
    const borough = shelter.address.borough ?? shelter.address.city ?? '—';
    groups.set(borough, [...(groups.get(borough) ?? []), shelter]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}
