import { type AppConfig, configRefinements, configSchema } from './config.schema.js';

export class ConfigError extends Error {}

/** Empty strings count as unset, as in most shells' `VAR= npm start`. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

/** Reads and checks the configuration; a bad value throws one line that names the variable, never its value. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = configSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const problem = configRefinements(parsed.data);
  if (problem) {
    throw new ConfigError(`Invalid configuration: ${problem.variable} ${problem.message}`);
  }
  return parsed.data;
}
