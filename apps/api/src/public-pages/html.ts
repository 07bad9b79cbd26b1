import { type Borough, boroughByCode, type PublicShelter } from '@albergue/contracts';
import { type Catalogue, localeOf, type MessageKey, type Params, say } from '@albergue/i18n';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The catalogue's messages, escaped for HTML, their plurals chosen by its language. */
export function translator(catalogue: Catalogue): Translate {
  return (key, params) => escapeHtml(say(catalogue, key, params));
}

/** A moment as the reader's locale writes it, in the network's time zone (TIME_ZONE). */
export function localTime(
  catalogue: Catalogue,
  at: Date,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(localeOf(catalogue), { ...options, timeZone }).format(at);
}

/**
 * A day as the reader's locale writes it: "28 de noviembre de 2026". Where runtimes have no words
 * for the language (Haitian Creole), in numbers only, as its locale orders them (28/11/2026),
 * rather than a month named in another language.
 */
export function localDate(catalogue: Catalogue, at: Date, timeZone: string): string {
  const named = Intl.DateTimeFormat.supportedLocalesOf([catalogue.code]).length > 0;
  return localTime(catalogue, at, timeZone, {
    day: 'numeric',
    month: named ? 'long' : 'numeric',
    year: 'numeric',
  });
}

/** The public address on one line (a sensitive shelter's has no street). */
export function addressLine(shelter: PublicShelter): string {
  const { street, neighbourhood, borough, city } = shelter.address;
  return [street, neighbourhood, borough, city].filter(Boolean).join(', ');
}

/** Shelters of one borough of the catalogue, or (borough null) of none it knows. */
export interface BoroughGroup {
  borough: Borough | null;
  shelters: PublicShelter[];
}

/**
 * Shelters by borough, as people read them: the catalogue's boroughs by name in the reader's
 * order, each one's shelters by name, and last those in no borough the catalogue knows.
 */
export function byBorough(shelters: PublicShelter[], catalogue: Catalogue): BoroughGroup[] {
  const collator = new Intl.Collator(localeOf(catalogue));
  const groups = new Map<Borough | null, PublicShelter[]>();
  for (const shelter of [...shelters].sort((a, b) => collator.compare(a.name, b.name))) {
    const code = shelter.address.boroughCode;
    const borough = (code && boroughByCode(code)) || null;
    groups.set(borough, [...(groups.get(borough) ?? []), shelter]);
  }
  return [...groups]
    .map(([borough, list]) => ({ borough, shelters: list }))
    .sort((a, b) =>
      a.borough && b.borough
        ? collator.compare(a.borough.name, b.borough.name)
        : Number(!a.borough) - Number(!b.borough),
    );
}
