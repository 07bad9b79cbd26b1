import { passwordProblem } from '@albergue/auth';
import { z } from 'zod';
import { parseDuration } from './duration.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      if (ms === null || ms <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration such as 90s, 30m, 12h or 2d' });
        return z.NEVER;
      }
      return ms;
    });

const wholeNumber = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int({ message: `must be a whole number from ${min} to ${max}` })
    .min(min, { message: `must be a whole number from ${min} to ${max}` })
    .max(max, { message: `must be a whole number from ${min} to ${max}` })
    .default(fallback);

/**
 * Every setting the server reads, validated once at boot. `process.env` is read nowhere else.
 * README documents each variable; keep the two in step.
 */
export const configSchema = z.object({
  PORT: wholeNumber(3000, 0, 65535),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DEMO_DATA: bool(true),
  STALE_AFTER: duration('12h'),
  // Staff are told this long before their shelter's figures turn stale; at most half of
  // STALE_AFTER counts (app.module), so a short STALE_AFTER does not nudge right after each report.
  STALE_NUDGE_BEFORE: duration('2h'),
  FEW_THRESHOLD: wholeNumber(5, 1, 1000),
  TIME_ZONE: z
    .string()
    .default('America/Mexico_City')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as America/Mexico_City' }),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      message: 'must be development, production or test',
    })
    .default('development'),
  ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_TOTP_SECRET: z
    .string()
    .regex(/^[A-Za-z2-7]{16,}$/, {
      message: 'must be a base32 TOTP secret of 16 characters or more',
    })
    .optional(),
  SESSION_IDLE_TIMEOUT: duration('2h'),
  SESSION_MAX_AGE: duration('12h'),
  LOGIN_MAX_FAILURES: wholeNumber(5, 1, 1000),
  LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber(50, 1, 100000),
  LOGIN_LOCKOUT: duration('15m'),
  AUDIT_RETENTION_DAYS: wholeNumber(730, 1, 36500),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)), {
      message: 'must be a comma-separated list of origins such as https://console.example.org',
    }),
  TRUST_PROXY: wholeNumber(0, 0, 10),
  BODY_LIMIT_KB: wholeNumber(2048, 16, 65536),
  GRAPHQL_MAX_DEPTH: wholeNumber(10, 2, 100),
  GRAPHQL_MAX_ALIASES: wholeNumber(15, 0, 1000),
  GRAPHQL_MAX_DIRECTIVES: wholeNumber(50, 0, 1000),
  GRAPHQL_MAX_COST: wholeNumber(50000, 100, 10000000),
  GRAPHQL_MAX_TOKENS: wholeNumber(5000, 100, 1000000),
  RESIDENT_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, {
      message: 'must be 32 bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
  RESIDENT_KEY_FILE: z.string().min(1).optional(),
  RETENTION_DAYS: wholeNumber(180, 1, 36500),
  HOLD_TIME: duration('4h'),
  HOLD_FROM_ELSEWHERE_MAX: duration('12h'),
  HOLDS_FROM_ELSEWHERE_SHARE: z.coerce.number().min(0.05).max(1).default(0.5),
  OUTBOX_RETENTION: duration('1h'),
  PREVIOUS_SHELTER_ACCESS: duration('7d'),
  REALTIME_TICK: duration('1s'),
  REALTIME_SWEEP: duration('30s'),
  SOCKETS_PER_ADDRESS: wholeNumber(50, 1, 100000),
  SOCKET_MAX_AREAS: wholeNumber(40, 1, 10000),
  SOCKET_MAX_MESSAGE_KB: wholeNumber(64, 1, 4096),
  STAFF_CHECK: duration('30s'),
  HOLD_WARNING: duration('15m'),
  APPOINTMENTS_AHEAD: duration('12h'),
  // A referral unanswered this long after it was sent is overdue: urgent ones, routine ones.
  REFERRAL_URGENT_WINDOW: duration('24h'),
  REFERRAL_ROUTINE_WINDOW: duration('72h'),
  // A health service's capacity report older than this reads "unknown", as shelters' figures do.
  SERVICE_STALE_AFTER: duration('24h'),
  // A field team's health-worker membership on a shelter it visits ends by itself within this.
  FIELD_VISIT_MAX: duration('30d'),
  // This many "turned away despite space" reports within the window, while the shelter showed
  // space, flag its figures for its coordinator (they lower nothing).
  REPORT_BURST_COUNT: wholeNumber(3, 2, 1000),
  // Days of food left are counted at this ration (kcal per person per day; Sphere: 2,100);
  // fewer days than FOOD_DAYS_LOW raise an alert, and so do lots expiring within
  // SUPPLY_EXPIRING_WITHIN days (a shelter's own marks may say otherwise per item or category).
  FOOD_KCAL_PER_PERSON_DAY: wholeNumber(2100, 500, 10000),
  FOOD_DAYS_LOW: wholeNumber(3, 1, 90),
  SUPPLY_EXPIRING_WITHIN: wholeNumber(7, 0, 365),
  REPORT_BURST_WINDOW: duration('2h'),
  // Where people reach the public map (https://albergue.example.org): the printed sheet's QR code
  // and link. Unset outside production: taken from the request.
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { message: 'must be an http(s) URL' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  // Map tiles, `{z}/{x}/{y}`. `none`: no background (the map draws borough names instead). An
  // empty value counts as unset like every other, so "no tiles" has to be said as a word.
  TILE_URL: z
    .string()
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .transform((url) => (url === 'none' ? '' : url)),
  TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
});

export type AppConfig = z.infer<typeof configSchema>;

/** The first admin's credentials come as a pair, and the password must pass the password rules. */
export const configRefinements = (
  config: AppConfig,
): { variable: string; message: string } | null => {
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    return { variable: 'ADMIN_PASSWORD', message: 'and ADMIN_EMAIL must be set together' };
  }
  const problem = config.ADMIN_PASSWORD
    ? passwordProblem(config.ADMIN_PASSWORD, config.ADMIN_EMAIL)
    : null;
  return problem ? { variable: 'ADMIN_PASSWORD', message: problem } : null;
};
