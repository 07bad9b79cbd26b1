import { jobLockKey } from '@albergue/common';
import { peoplePresent } from '@albergue/shelters';
import {
  FoodDaysService,
  StockService,
  SUPPLY_ALERTS_JOB,
  SupplyAlerts,
  SupplyItemsService,
} from '@albergue/supplies';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { startBenchApp } from '../harness.js';

/** A bench "year": 52 whole weeks, so that every lot (one a week) is whole in a ledger of years. */
const DAYS_PER_YEAR = 364;
/** The days over which days-left reads the rate of use (food-days.ts, RATE_WINDOW_DAYS). */
const RATE_WINDOW_DAYS = 7;
/** One user id for every seeded row (recorded_by, created_by carry no foreign key). */
const BENCH_USER = '00000000-0000-4000-8000-00000000b0b0';

export interface Timing {
  calls: number;
  p50: number;
  p99: number;
}

export interface SuppliesLengthRow {
  years: number;
  /** Ledger rows of the shelter at this length. */
  rows: number;
  /** stock_movement (every shelter's rows, with its indexes) at this point, in MB. */
  tableMB: number;
  /** Seconds to append this length's rows (INSERT … SELECT generate_series, indexes kept). */
  seedSeconds: number;
  /** Lots with stock (the rows stockAt groups to, and the balance table holds). */
  balanceRows: number;
  stockAt: Timing;
  stockAtBalance: Timing;
  foodDays: Timing;
  foodDaysBalance: Timing;
}

export interface SuppliesNetwork {
  shelters: number;
  itemsPerShelter: number;
  days: number;
  rows: number;
  seedSeconds: number;
  stockAt: Timing;
  stockAtBalance: Timing;
  foodDays: Timing;
  foodDaysBalance: Timing;
  /** SupplyAlerts.sweep() over every shelter with stock: the first (it raises) and the next. */
  sweep: { shelters: number; firstSeconds: number; secondSeconds: number; changed: number };
}

export interface SuppliesReport {
  items: number;
  foodItems: number;
  /** One shelter's ledger growing, read at each length. */
  lengths: SuppliesLengthRow[];
  /** The longest ledger again, with a covering index (shelter, item, lot, expiry) INCLUDE (quantity). */
  coveringIndex: { years: number; buildSeconds: number; stockAt: Timing; foodDays: Timing } | null;
  network: SuppliesNetwork;
}

export interface SuppliesOptions {
  databaseUrl: string;
  items: number;
  years: number[];
  network: { shelters: number; items: number; days: number };
  /** Calls per read and case, at most; and at most this many seconds per read and case. */
  calls: number;
  secondsPerRead: number;
}

/**
 * "supplies" (issue 21, Benchmark): stock-now (StockService.stockAt) and days-left
 * (FoodDaysService.of) for one shelter whose ledger grows to each length in `years`, a movement
 * per item per day (receipts weekly in a lot of the week, issues on the other days, each old lot
 * emptied), against the same reads over a balance table holding one row per lot with stock (a
 * maintained snapshot, filled here from the ledger): the peer, in the same run, alternated call
 * by call, after checking the two answer the same. Then the network: many shelters with a year
 * each, the reads for random shelters, and SupplyAlerts.sweep(). The services run in process, in
 * Albergue booted as `npm start` boots it, on the bench's database; the minute's sweep job is held
 * off (its cluster lock taken) so that only the measured calls run.
 */
export async function supplies(options: SuppliesOptions): Promise<SuppliesReport> {
  const bench = await startBenchApp(options.databaseUrl);
  const blocker = new pg.Client({ connectionString: options.databaseUrl });
  await blocker.connect();
  try {
    await blocker.query('SELECT pg_advisory_lock($1::bigint)', [
      jobLockKey(SUPPLY_ALERTS_JOB.name),
    ]);
    const app = bench.app.app;
    const db = app.get(DataSource);
    const reads: Reads = {
      stock: app.get(StockService),
      foodDays: app.get(FoodDaysService),
      items: app.get(SupplyItemsService),
      db,
    };
    const itemIds = await seedItems(db, options.items);
    await db.query(
      `CREATE TABLE IF NOT EXISTS bench_stock_balance (
         shelter_id uuid NOT NULL, item_id uuid NOT NULL, lot text, expires_on date,
         quantity numeric(14,3) NOT NULL)`,
    );
    await db.query(
      'CREATE INDEX IF NOT EXISTS bench_stock_balance_idx ON bench_stock_balance (shelter_id, item_id)',
    );
    const shelters = (
      await db.query<{ id: string }[]>('SELECT id FROM shelter ORDER BY id LIMIT $1', [
        options.network.shelters + 1,
      ])
    ).map((row) => row.id);
    if (shelters.length < options.network.shelters + 1) {
      throw new Error(
        `supplies: ${shelters.length} shelters seeded, ${options.network.shelters + 1} needed`,
      );
    }
    const [long, ...network] = shelters;

    // The network first, so that its sweep looks at a year per shelter only.
    console.error(
      `supplies: network, ${network.length} shelters × ${options.network.items} items × ${options.network.days} days`,
    );
    const networkItems = itemIds.slice(0, options.network.items);
    const networkStarted = performance.now();
    for (let from = 0; from < network.length; from += 50) {
      await appendDays(db, network.slice(from, from + 50), networkItems, 0, options.network.days);
    }
    await db.query(
      `INSERT INTO stock_lock (shelter_id, item_id)
         SELECT s, i FROM unnest($1::uuid[]) s, unnest($2::uuid[]) i ON CONFLICT DO NOTHING`,
      [network, networkItems],
    );
    const networkSeed = (performance.now() - networkStarted) / 1000;
    await db.query('VACUUM ANALYZE stock_movement');
    await fillBalance(db, network);
    const pick = () => network[Math.floor(Math.random() * network.length)];
    for (const shelterId of network.slice(0, 3)) {
      await agree(reads, shelterId);
    }
    const [netStock, netStockPeer] = await alternate(options, () => {
      const shelterId = pick();
      return [() => reads.stock.stockAt(shelterId), () => balanceStockAt(reads, shelterId)];
    });
    const [netDays, netDaysPeer] = await alternate(options, () => {
      const shelterId = pick();
      return [() => reads.foodDays.of(shelterId), () => balanceFoodDays(reads, shelterId)];
    });
    const alerts = app.get(SupplyAlerts);
    const sweepShelters = (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT shelter_id FROM stock_lock
           UNION SELECT shelter_id FROM supply_threshold
           UNION SELECT shelter_id FROM supply_alert WHERE cleared_at IS NULL) s`,
      )
    )[0].n;
    let t0 = performance.now();
    const changed = await alerts.sweep();
    const firstSweep = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await alerts.sweep();
    const secondSweep = (performance.now() - t0) / 1000;

    // One shelter's ledger, growing (older weeks appended), read at each length.
    const lengths: SuppliesLengthRow[] = [];
    let days = 0;
    for (const years of options.years) {
      const to = years * DAYS_PER_YEAR;
      console.error(`supplies: one shelter, ${years} years × ${options.items} items`);
      const started = performance.now();
      await appendDays(db, [long], itemIds, days, to);
      const seedSeconds = (performance.now() - started) / 1000;
      days = to;
      await db.query('VACUUM ANALYZE stock_movement');
      const balanceRows = await fillBalance(db, [long]);
      await agree(reads, long);
      const [stockAt, stockAtBalance] = await alternate(options, () => [
        () => reads.stock.stockAt(long),
        () => balanceStockAt(reads, long),
      ]);
      const [foodDays, foodDaysBalance] = await alternate(options, () => [
        () => reads.foodDays.of(long),
        () => balanceFoodDays(reads, long),
      ]);
      lengths.push({
        years,
        rows: to * itemIds.length,
        tableMB: await tableMB(db),
        seedSeconds: round(seedSeconds),
        balanceRows,
        stockAt,
        stockAtBalance,
        foodDays,
        foodDaysBalance,
      });
    }

    // The fix an index would be: the same reads once the sum can come from the index alone.
    console.error('supplies: covering index');
    t0 = performance.now();
    await db.query(
      `CREATE INDEX bench_stock_movement_lot_idx ON stock_movement
         (shelter_id, item_id, lot, expires_on) INCLUDE (quantity)`,
    );
    await db.query('VACUUM ANALYZE stock_movement');
    const buildSeconds = (performance.now() - t0) / 1000;
    const [indexedStock, indexedDays] = await alternate(options, () => [
      () => reads.stock.stockAt(long),
      () => reads.foodDays.of(long),
    ]);
    await db.query('DROP INDEX bench_stock_movement_lot_idx');

    return {
      items: itemIds.length,
      foodItems: Math.ceil(itemIds.length * 0.75),
      lengths,
      coveringIndex: {
        years: options.years[options.years.length - 1],
        buildSeconds: round(buildSeconds),
        stockAt: indexedStock,
        foodDays: indexedDays,
      },
      network: {
        shelters: network.length,
        itemsPerShelter: networkItems.length,
        days: options.network.days,
        rows: network.length * networkItems.length * options.network.days,
        seedSeconds: round(networkSeed),
        stockAt: netStock,
        stockAtBalance: netStockPeer,
        foodDays: netDays,
        foodDaysBalance: netDaysPeer,
        sweep: {
          shelters: sweepShelters,
          firstSeconds: round(firstSweep),
          secondSeconds: round(secondSweep),
          changed,
        },
      },
    };
  } finally {
    await blocker.end();
    await bench.close();
  }
}

interface Reads {
  stock: StockService;
  foodDays: FoodDaysService;
  items: SupplyItemsService;
  db: DataSource;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Network items: three in four food (a kilo is 3,600 kcal), the rest hygiene, by the piece. */
async function seedItems(db: DataSource, count: number): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO supply_item (id, shelter_id, names, category, unit, kcal_per_unit, created_by)
       SELECT gen_random_uuid(), NULL,
              jsonb_build_object('es', 'Bench ' || n, 'en', 'Bench ' || n, 'fr', 'Bench ' || n,
                                 'ht', 'Bench ' || n, 'pt', 'Bench ' || n),
              CASE WHEN n <= $2 THEN 'food' ELSE 'hygiene' END::supply_category,
              CASE WHEN n <= $2 THEN 'kg' ELSE 'piece' END::supply_unit,
              CASE WHEN n <= $2 THEN 3600 END,
              $3
         FROM generate_series(1, $1) n
     RETURNING id`,
    [count, Math.ceil(count * 0.75), BENCH_USER],
  );
  return rows.map((row) => row.id);
}

/**
 * A movement per item per day, `from` to `to` days back from now, for each shelter: week w (days
 * 7w … 7w+6 back) has a lot of its own, received (private donor) on its first day, 60 (100 in the
 * current week) and issued 10 a day on the six others, so each past lot ends empty and stock now
 * is the current week's lot, 40 of each item, expiring in about a year.
 */
async function appendDays(
  db: DataSource,
  shelterIds: string[],
  itemIds: string[],
  from: number,
  to: number,
): Promise<void> {
  // Rows valid by construction: their foreign keys' checks (a trigger per row and key) are
  // skipped for the load, as pg_restore does, where the bench's role may (a superuser).
  await db.transaction(async (manager) => {
    const [{ superuser }] = await manager.query<{ superuser: boolean }[]>(
      'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
    );
    if (superuser) {
      await manager.query('SET LOCAL session_replication_role = replica');
    }
    await manager.query(
      `INSERT INTO stock_movement
       (id, act_id, shelter_id, item_id, kind, quantity, lot, expires_on, source, recorded_by, at)
     SELECT gen_random_uuid(), gen_random_uuid(), s, i,
            CASE WHEN b % 7 = 6 THEN 'received' ELSE 'issued' END::stock_movement_kind,
            CASE WHEN b % 7 <> 6 THEN -10 WHEN b / 7 = 0 THEN 100 ELSE 60 END,
            'W' || (b / 7),
            current_date - (b / 7) * 7 - 6 + 400,
            CASE WHEN b % 7 = 6 THEN 'private_donor' END::supply_source,
            $5,
            now() - make_interval(days => b) - interval '1 minute'
       FROM unnest($1::uuid[]) s, unnest($2::uuid[]) i, generate_series($3::int, $4::int - 1) b`,
      [shelterIds, itemIds, from, to, BENCH_USER],
    );
  });
}

/** The peer's snapshot: one row per lot with stock, as a maintained balance would hold. */
async function fillBalance(db: DataSource, shelterIds: string[]): Promise<number> {
  await db.query('DELETE FROM bench_stock_balance WHERE shelter_id = ANY($1::uuid[])', [
    shelterIds,
  ]);
  await db.query(
    `INSERT INTO bench_stock_balance (shelter_id, item_id, lot, expires_on, quantity)
       SELECT shelter_id, item_id, lot, expires_on, sum(quantity) FROM stock_movement
        WHERE shelter_id = ANY($1::uuid[])
        GROUP BY shelter_id, item_id, lot, expires_on HAVING sum(quantity) <> 0`,
    [shelterIds],
  );
  await db.query('ANALYZE bench_stock_balance');
  const [{ n }] = await db.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM bench_stock_balance WHERE shelter_id = ANY($1::uuid[])',
    [shelterIds],
  );
  return n;
}

/** stockAt's work (one read, the items, the lots by item) over the balance table. */
async function balanceStockAt(reads: Reads, shelterId: string) {
  const rows = await reads.db.query<
    { item_id: string; lot: string | null; expires_on: string | null; quantity: string }[]
  >(
    `SELECT item_id, lot, expires_on::text AS expires_on, quantity
       FROM bench_stock_balance WHERE shelter_id = $1`,
    [shelterId],
  );
  const byItem = new Map<string, { lot: string | null; expiresOn: string | null; q: number }[]>();
  for (const row of rows) {
    const lots = byItem.get(row.item_id) ?? [];
    lots.push({
      lot: row.lot,
      expiresOn: row.expires_on,
      q: Math.round(Number(row.quantity) * 1000),
    });
    byItem.set(row.item_id, lots);
  }
  const items = await reads.items.byIds([...byItem.keys()]);
  return items.map((item) => ({
    itemId: item.id,
    quantity: byItem.get(item.id)!.reduce((sum, lot) => sum + lot.q, 0) / 1000,
  }));
}

/**
 * FoodDaysService.of's three reads: the stock's from the balance table; the rate's bounded to
 * the window on the (shelter_id, at) index, the same rows (a reversal is never older than the
 * row it undoes, so coalesce(undone.at, m.at) in the window puts m.at in it), and the ledger's
 * age its oldest food row by that index (ORDER BY at LIMIT 1) rather than min() over them all.
 */
async function balanceFoodDays(reads: Reads, shelterId: string) {
  const [[stock], [used], present] = await Promise.all([
    reads.db.query<{ kcal: number }[]>(
      `SELECT coalesce(sum(l.quantity * i.kcal_per_unit), 0)::float8 AS kcal,
              (count(DISTINCT l.item_id) FILTER (WHERE i.kcal_per_unit IS NULL))::int AS without_kcal
         FROM bench_stock_balance l JOIN supply_item i ON i.id = l.item_id AND i.category = 'food'
        WHERE l.shelter_id = $1 AND l.quantity > 0
          AND (l.expires_on IS NULL OR l.expires_on >= current_date)`,
      [shelterId],
    ),
    reads.db.query<{ kcal: number; age_days: number | null }[]>(
      `SELECT coalesce(-sum(m.quantity * i.kcal_per_unit), 0)::float8 AS kcal,
              (SELECT extract(epoch FROM now() - f.at)::float8 / 86400
                 FROM stock_movement f JOIN supply_item fi ON fi.id = f.item_id
                WHERE f.shelter_id = $1 AND fi.category = 'food'
                ORDER BY f.at LIMIT 1) AS age_days
         FROM stock_movement m
         JOIN supply_item i ON i.id = m.item_id AND i.category = 'food'
         LEFT JOIN stock_movement undone ON undone.id = m.reverses_id
        WHERE m.shelter_id = $1
          AND coalesce(undone.at, m.at) > now() - make_interval(days => $2)
          AND m.at > now() - make_interval(days => $2)
          AND i.kcal_per_unit IS NOT NULL
          AND (m.kind IN ('issued', 'cooked')
               OR (m.kind = 'reversal' AND undone.kind IN ('issued', 'cooked')))`,
      [shelterId, RATE_WINDOW_DAYS],
    ),
    peoplePresent(reads.db.manager, [shelterId]),
  ]);
  const window =
    used.age_days === null ? null : Math.min(RATE_WINDOW_DAYS, Math.max(1, used.age_days));
  return {
    kcalInStock: stock.kcal,
    kcalUsedPerDay: window === null ? null : Math.max(0, used.kcal) / window,
    people: present.get(shelterId)?.people,
  };
}

/** The service and its peer give the same stock and the same kcal in stock, or the run stops. */
async function agree(reads: Reads, shelterId: string): Promise<void> {
  const key = (levels: { itemId: string; quantity: number }[]) =>
    JSON.stringify(
      levels.map((level) => [level.itemId, level.quantity]).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  const [service, peer] = [
    await reads.stock.stockAt(shelterId),
    await balanceStockAt(reads, shelterId),
  ];
  if (key(service) !== key(peer)) {
    throw new Error(`supplies: stockAt and the balance disagree at shelter ${shelterId}`);
  }
  const [days, peerDays] = [
    await reads.foodDays.of(shelterId),
    await balanceFoodDays(reads, shelterId),
  ];
  const near = (a: number | null, b: number | null) =>
    a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)));
  if (
    !near(days.kcalInStock, peerDays.kcalInStock) ||
    !near(days.kcalUsedPerDay, peerDays.kcalUsedPerDay)
  ) {
    throw new Error(
      `supplies: days-left (kcal in stock, used a day) ${days.kcalInStock}, ${days.kcalUsedPerDay} ≠ the peer's ${peerDays.kcalInStock}, ${peerDays.kcalUsedPerDay}`,
    );
  }
}

/**
 * Two reads taken in turn, call by call (which goes first alternates), after two warm-up calls
 * each: up to `calls` each, or fewer if `secondsPerRead` is spent (at least 5 each).
 */
async function alternate(
  { calls, secondsPerRead }: Pick<SuppliesOptions, 'calls' | 'secondsPerRead'>,
  next: () => [() => Promise<unknown>, () => Promise<unknown>],
): Promise<[Timing, Timing]> {
  const samples: [number[], number[]] = [[], []];
  const until = performance.now() + 2 * secondsPerRead * 1000;
  for (let call = -2; call < calls; call += 1) {
    if (call >= 5 && performance.now() > until) {
      break;
    }
    const pair = next();
    for (const side of call % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = performance.now();
      await pair[side]();
      if (call >= 0) {
        samples[side].push(performance.now() - t0);
      }
    }
  }
  return [timing(samples[0]), timing(samples[1])];
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 100) / 100;
  return { calls: sorted.length, p50: at(0.5), p99: at(0.99) };
}

async function tableMB(db: DataSource): Promise<number> {
  const [{ bytes }] = await db.query<{ bytes: string }[]>(
    `SELECT pg_total_relation_size('stock_movement')::text AS bytes`,
  );
  return Math.round(Number(bytes) / 2 ** 20);
}
