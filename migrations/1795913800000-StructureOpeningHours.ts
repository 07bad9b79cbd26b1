import type { QueryRunner } from 'typeorm';
import type { MigrationOutcome, ReportingMigration } from './outcome.js';

interface Period {
  days: number[];
  opens: string;
  closes: string;
}

interface Hours {
  alwaysOpen: boolean;
  periods: Period[];
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

const DAY_WORDS: Record<string, number> = {
  lunes: 1, lun: 1, monday: 1, mon: 1,
  martes: 2, tuesday: 2, tue: 2,
  miercoles: 3, mie: 3, wednesday: 3, wed: 3,
  jueves: 4, jue: 4, thursday: 4, thu: 4,
  viernes: 5, vie: 5, friday: 5, fri: 5,
  sabado: 6, sab: 6, saturday: 6, sat: 6,
  domingo: 7, dom: 7, sunday: 7, sun: 7,
}; // prettier-ignore

/** Words that say nothing the structure does not ("Ingreso de 18:00 a 22:00"). */
const FILLERS = new Set(
  'abierto abierta abre open opens ingreso entrada recepcion horario atencion de del desde las los la el y e and from'.split(
    ' ',
  ),
);

/** Between two times or two days: "de 8:00 a 20:00", "lunes-viernes". */
const CONNECTORS = new Set(['-', 'a', 'al', 'hasta', 'to']);

type Token =
  | { kind: 'time'; minutes: number }
  | { kind: 'days'; days: number[] }
  | { kind: 'always' }
  | { kind: 'connector' };

/** The text as tokens, or null at the first word it does not know. */
function tokens(text: string): Token[] | null {
  const normal = ` ${text} `
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/\b([ap])\.\s?m\./g, '$1m')
    .replace(/(\d{1,2})\.(\d{2})/g, '$1:$2')
    .replace(/\b(24\s*\/\s*7|24\s*x\s*7|todo el dia|(las )?24\s*(h|hs|hrs|horas|hours))(?![\w:])/g, ' @always ')
    .replace(/\b(todos los dias|diario|diariamente|every day|daily|los 7 dias|7 dias)\b/g, ' @all ')
    .replace(/\b(fines? de semana|weekends?)\b/g, ' @weekend ')
    .replace(/\b(entre semana|weekdays)\b/g, ' @weekdays '); // prettier-ignore
  const found: Token[] = [];
  const pattern =
    /(\d{1,2})(?::(\d{2}))?\s*(am|pm|h|hs|hrs|horas)?(?![\w:])|@\w+|[a-z]+|-|[,;./()]|\s+|./g;
  for (const match of normal.matchAll(pattern)) {
    const [whole, hour, minute, suffix] = match;
    if (hour !== undefined) {
      if (minute === undefined && suffix === undefined) {
        return null; // A bare number: a time, a count or an address? Not guessed.
      }
      let h = Number(hour);
      const m = Number(minute ?? 0);
      if (suffix === 'am' || suffix === 'pm') {
        if (h < 1 || h > 12) {
          return null;
        }
        h = (h % 12) + (suffix === 'pm' ? 12 : 0);
      }
      if (h === 24 && m === 0) {
        h = 0;
      }
      if (h > 23 || m > 59) {
        return null;
      }
      found.push({ kind: 'time', minutes: h * 60 + m });
    } else if (whole === '@always') {
      found.push({ kind: 'always' });
    } else if (whole === '@all' || whole === '@weekend' || whole === '@weekdays') {
      const days = { '@all': ALL_DAYS, '@weekend': [6, 7], '@weekdays': [1, 2, 3, 4, 5] }[whole];
      found.push({ kind: 'days', days });
    } else if (CONNECTORS.has(whole)) {
      found.push({ kind: 'connector' });
    } else if (DAY_WORDS[whole] !== undefined) {
      found.push({ kind: 'days', days: [DAY_WORDS[whole]] });
    } else if (!FILLERS.has(whole) && !/^[\s,;./()]$|^\s+$/.test(whole)) {
      return null;
    }
  }
  return found;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Free-text hours as data, when the whole text reads as hours: "Abierto 24 horas", "Ingreso
 * 18:00–22:00", "Lunes a viernes 8:00-20:00, sábado 9:00-14:00", "17:00–21:00, todos los días",
 * "8 am - 6 pm". Days come before their times or after them (each text one way); times without
 * days are every day. Null for anything else: a single time, a bare number, a word it does not
 * know, days without times, 24 hours on some days only.
 */
export function parseHours(text: string): Hours | null {
  const list = tokens(text);
  if (!list || list.length === 0) {
    return null;
  }
  let always = false;
  const ranges: { opens: number; closes: number; days: number[] }[] = [];
  /** Days read before their times (days first), or times still waiting for theirs (days last). */
  let pendingDays: number[] = [];
  let waiting: typeof ranges = [];
  let lastGiven: typeof ranges = [];
  let daysFirst: boolean | null = null;
  let anyDays = false;
  for (let i = 0; i < list.length; i += 1) {
    const token = list[i];
    const next = list[i + 1];
    const after = list[i + 2];
    if (token.kind === 'always') {
      always = true;
    } else if (token.kind === 'days') {
      anyDays = true;
      daysFirst ??= true;
      let days = token.days;
      if (next?.kind === 'connector' && after?.kind === 'days' && token.days.length === 1) {
        const [from, to] = [token.days[0], after.days[0]];
        days = ALL_DAYS.filter((d) => (from <= to ? d >= from && d <= to : d >= from || d <= to));
        i += 2;
      }
      if (daysFirst) {
        pendingDays.push(...days);
      } else {
        const target = waiting.length > 0 ? waiting : lastGiven;
        if (target.length === 0) {
          return null;
        }
        target.forEach((range) => range.days.push(...days));
        lastGiven = target;
        waiting = [];
      }
    } else if (token.kind === 'time' && next?.kind === 'connector' && after?.kind === 'time') {
      daysFirst ??= false;
      const range = { opens: token.minutes, closes: after.minutes, days: [] as number[] };
      if (range.opens === range.closes) {
        return null;
      }
      i += 2;
      ranges.push(range);
      if (daysFirst) {
        // "lunes a viernes 8:00-14:00 y 16:00-19:00": times after times share their days.
        range.days = pendingDays.length > 0 ? pendingDays : [...lastGiven[0].days];
        lastGiven = [range];
        pendingDays = [];
      } else {
        waiting.push(range);
      }
    } else {
      return null;
    }
  }
  if (always) {
    // "24 horas de lunes a viernes" is not open day and night: only every day is.
    const everyDay = list.every((token) => token.kind !== 'days' || token.days.length === 7);
    return ranges.length === 0 && everyDay ? { alwaysOpen: true, periods: [] } : null;
  }
  // Days left without times, or (days last) times left without days where others had some.
  if (ranges.length === 0 || pendingDays.length > 0 || (waiting.length > 0 && anyDays)) {
    return null;
  }
  ranges.forEach((range) => {
    if (range.days.length === 0) {
      range.days = [...ALL_DAYS];
    }
  });
  return {
    alwaysOpen: false,
    periods: ranges.map(({ opens, closes, days }) => ({
      days: [...new Set(days)].sort((a, b) => a - b),
      opens: clock(opens),
      closes: clock(closes),
    })),
  };
}

const SPANISH_DAYS = ['', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

/** Hours back as Spanish text, for `down`. */
function spanish(hours: Hours): string {
  if (hours.alwaysOpen) {
    return 'Abierto 24 horas';
  }
  return hours.periods
    .map(({ days, opens, closes }) => {
      const consecutive = days.every((day, k) => k === 0 || day === days[k - 1] + 1);
      const named =
        days.length === 7
          ? 'todos los días'
          : consecutive && days.length >= 3
            ? `${SPANISH_DAYS[days[0]]} a ${SPANISH_DAYS[days[days.length - 1]]}`
            : days.map((day) => SPANISH_DAYS[day]).join(', ');
      return `${named} ${opens}–${closes}`;
    })
    .join('; ');
}

/**
 * Opening hours were free text, in whatever language staff wrote them; they become data
 * (`hours`: open day and night, or periods of ISO weekdays with local HH:MM times) that every
 * page says in its reader's language. A text that reads whole as hours (parseHours) becomes
 * `hours` and leaves `opening_hours` empty; any other text stays in `opening_hours`, which is from
 * now on a note shown as written beside the hours, and the shelter has no `hours` until staff give
 * them. Nothing is guessed: a text is converted whole or not at all. The start's log says how
 * many of each, and which shelters kept a note (ids only).
 */
export class StructureOpeningHours1795913800000 implements ReportingMigration {
  name = 'StructureOpeningHours1795913800000';
  outcome?: MigrationOutcome;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shelter" ADD "hours" jsonb`);
    const rows: { id: string; text: string }[] = await queryRunner.query(
      `SELECT id, opening_hours AS text FROM "shelter"
        WHERE btrim(coalesce(opening_hours, '')) <> '' ORDER BY id`,
    );
    const converted: { id: string; hours: Hours }[] = [];
    const kept: string[] = [];
    for (const { id, text } of rows) {
      const hours = parseHours(text);
      if (hours) {
        converted.push({ id, hours });
      } else {
        kept.push(id);
      }
    }
    await queryRunner.query(
      `UPDATE "shelter" s SET hours = c.hours::jsonb, opening_hours = NULL
         FROM unnest($1::uuid[], $2::text[]) AS c(id, hours) WHERE s.id = c.id`,
      [converted.map((c) => c.id), converted.map((c) => JSON.stringify(c.hours))],
    );
    const message = `opening hours: ${converted.length} shelters' hours read as hours and are now data`;
    this.outcome =
      kept.length === 0
        ? { level: 'info', message }
        : {
            level: 'warn',
            message:
              `${message}; ${kept.length} did not and stay as a note, shown as written, with no ` +
              `hours until staff give them. Shelters: ${kept.join(', ')}`,
          };
  }

  /** Hours go back into the text, in Spanish, before any note; a note alone stays as it is. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; hours: Hours; note: string | null }[] = await queryRunner.query(
      `SELECT id, hours, opening_hours AS note FROM "shelter" WHERE hours IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "shelter" s SET opening_hours = t.text
         FROM unnest($1::uuid[], $2::text[]) AS t(id, text) WHERE s.id = t.id`,
      [
        rows.map((row) => row.id),
        rows.map((row) => [spanish(row.hours), row.note].filter(Boolean).join('. ')),
      ],
    );
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "hours"`);
  }
}
