import type { PublicShelter } from '@albergue/contracts';
import { type Catalogue, format, type MessageKey } from '@albergue/i18n';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(catalogue: Catalogue): Translate {
  return (key, params) => escapeHtml(format(catalogue.strings[key], params, catalogue.code));
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
