import type { QueuedAct } from './queue.js';

/**
 * Who or what a queued act concerns, read from its own variables (opened in memory, never written
 * anywhere in the clear): so that an act refused on replay can be found and redone by hand. Each
 * field only when the act carries it.
 */
export interface ActAbout {
  /** The names as recorded at the gate (a registration). */
  names?: string[];
  /** How many people (a hold received, a turnaway). */
  people?: number;
  /** The beds chosen (ids: their labels come from the board). */
  bedIds?: string[];
  /** The group of a turnaway. */
  population?: string;
  shelterId?: string;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((each) => typeof each === 'string') ? value : undefined;

export function aboutAct(act: Pick<QueuedAct, 'variables'>): ActAbout {
  const input = (act.variables.input ?? act.variables) as Record<string, unknown>;
  const about: ActAbout = {};
  if (typeof input.shelterId === 'string') {
    about.shelterId = input.shelterId;
  }
  if (Array.isArray(input.members)) {
    about.names = (input.members as { name?: unknown }[])
      .map((member) => (typeof member.name === 'string' ? member.name.trim() : ''))
      .filter(Boolean);
  }
  // A referral for someone met at a field visit: the alias they gave.
  const person = input.person as { alias?: unknown } | undefined;
  if (typeof person?.alias === 'string' && person.alias.trim()) {
    about.names = [person.alias.trim()];
  }
  const residentIds = strings(input.residentIds);
  if (residentIds && !about.names) {
    about.people = residentIds.length;
  } else if (typeof input.residentId === 'string') {
    about.people = 1;
  }
  if (typeof input.count === 'number') {
    about.people = input.count;
  }
  const bedIds = strings(input.bedIds);
  if (bedIds && bedIds.length > 0) {
    about.bedIds = bedIds;
  }
  if (typeof input.population === 'string') {
    about.population = input.population;
  }
  return about;
}
