import type { MigrationInterface } from 'typeorm';
import { CreateShelterDirectory1795637168146 } from './1795637168146-CreateShelterDirectory.js';

/** Every migration, oldest first. `npm run migration:generate` writes a new file: add it here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [CreateShelterDirectory1795637168146];
