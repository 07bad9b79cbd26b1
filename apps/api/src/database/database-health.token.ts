/** Provides `() => DatabaseHealth` (embedded-supervisor.ts): what /health says of the database process. */
export const DATABASE_HEALTH = Symbol('DATABASE_HEALTH');
