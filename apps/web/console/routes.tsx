import type { ConsoleKey } from '@albergue/i18n';
import type { ComponentChild } from 'preact';
import type { Me } from './core/session.js';
import { Account } from './screens/session/account.js';
import { MyShelters } from './screens/shelters/my-shelters.js';
import { ShelterHome } from './screens/shelters/shelter-home.js';
import { BedBoard } from './screens/board/board.js';

type Role = Me['memberships'][number]['role'];

export interface Screen {
  /** Below /console, with `:name` segments (router.match). */
  pattern: string;
  render(params: Record<string, string>): ComponentChild;
}

/** The screens of a signed-in person. */
export const SCREENS: Screen[] = [
  { pattern: '/', render: () => <MyShelters /> },
  { pattern: '/account', render: () => <Account /> },
  {
    pattern: '/shelters/:shelterId',
    render: ({ shelterId }) => <ShelterHome key={shelterId} shelterId={shelterId} />,
  },
  // The bed board (issue 18, part 5).
  {
    pattern: '/shelters/:shelterId/board',
    render: ({ shelterId }) => <BedBoard key={shelterId} shelterId={shelterId} />,
  },
];

/**
 * The sections of a shelter, in the order of a shelter's day, each shown to the roles whose work
 * it is (the API still decides what each role may see and do: this only spares people controls
 * that would be refused).
 */
export interface ShelterSection {
  /** Below /shelters/:shelterId ('' for the shelter's own page). */
  path: string;
  label: ConsoleKey;
  roles: readonly Role[];
}

export const SHELTER_SECTIONS: ShelterSection[] = [
  { path: '', label: 'nav.shelter', roles: ['VOLUNTEER', 'COORDINATOR', 'HEALTH_WORKER'] },
  // The bed board (issue 18, part 5): bedBoard is for volunteers and coordinators.
  { path: '/board', label: 'board.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
];
