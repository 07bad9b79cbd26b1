import type pg from 'pg';

/**
 * What the peers of the "map read" scenario read: a schema `peers` with views of the public
 * columns only (the public point, counts nulled for sensitive shelters, as Albergue's public side
 * does) and one SQL function, "the nearest `n` shelters with space for a group", written to
 * match Albergue's own search (open, confirmed within STALE_AFTER, a free place regular or
 * overflow in the group, nearest first over the GiST index on the public point). PostGraphile
 * exposes the function as a query field; the bare route calls it in the same SQL that it sends.
 * Smart tags give PostGraphile the views' key and the capacity → shelter relation (indexed: it
 * is the capacity table's primary key's first column).
 */
export async function createPeerSchema(client: pg.Client, staleSeconds: number): Promise<void> {
  await client.query(`
    DROP SCHEMA IF EXISTS peers CASCADE;
    CREATE SCHEMA peers;
    CREATE VIEW peers.shelter AS
      SELECT s.id, s.name, s.status::text AS status, s.sensitive AS approximate,
             s.public_lat AS lat, s.public_lng AS lng, s.populations::text[] AS populations,
             s.availability_confirmed_at AS confirmed_at, s.availability_version AS version
        FROM public.shelter s;
    COMMENT ON VIEW peers.shelter IS E'@primaryKey id';
    CREATE VIEW peers.capacity AS
      SELECT c.shelter_id, c.population::text AS population,
             CASE WHEN s.sensitive THEN NULL ELSE c.free_beds END AS free_beds,
             CASE WHEN s.sensitive THEN NULL ELSE c.total_beds END AS total_beds,
             CASE WHEN s.sensitive THEN NULL ELSE c.overflow_free END AS overflow_free,
             CASE WHEN s.sensitive THEN NULL ELSE c.overflow_total END AS overflow_total
        FROM public.shelter_capacity c JOIN public.shelter s ON s.id = c.shelter_id;
    COMMENT ON VIEW peers.capacity IS E'@foreignKey (shelter_id) references peers.shelter (id)';
    -- Parameters are qualified in the bodies: a bare \`lat\` would be the view's column.
    CREATE FUNCTION peers.nearest_with_space(lat float8, lng float8, grp text, n int)
      RETURNS SETOF peers.shelter LANGUAGE sql STABLE AS $$
        SELECT s.* FROM peers.shelter s
         WHERE s.status = 'open'
           AND s.populations && ARRAY[grp]
           AND s.confirmed_at >= now() - make_interval(secs => ${Number(staleSeconds)})
           AND EXISTS (SELECT 1 FROM public.shelter_capacity c WHERE c.shelter_id = s.id
                 AND c.free_beds + c.overflow_free > 0 AND c.population = grp::public.population)
         ORDER BY ll_to_earth(s.lat, s.lng) <-> ll_to_earth(nearest_with_space.lat, nearest_with_space.lng)
         LIMIT n
      $$;
    CREATE FUNCTION peers.shelter_distance_km(s peers.shelter, lat float8, lng float8)
      RETURNS float8 LANGUAGE sql STABLE AS $$
        SELECT earth_distance(ll_to_earth(s.lat, s.lng), ll_to_earth(shelter_distance_km.lat, shelter_distance_km.lng)) / 1000
      $$;
  `);
}

/** The bare route's one statement: the function, the distance and the capacities as JSON. */
export const NEAREST_SQL = `
  SELECT s.id, s.name, s.lat, s.lng, s.approximate,
         earth_distance(ll_to_earth(s.lat, s.lng), ll_to_earth($1, $2)) / 1000 AS "distanceKm",
         (SELECT coalesce(json_agg(json_build_object(
             'population', c.population, 'freeBeds', c.free_beds, 'totalBeds', c.total_beds,
             'overflowFree', c.overflow_free, 'overflowTotal', c.overflow_total) ORDER BY c.population), '[]'::json)
            FROM peers.capacity c WHERE c.shelter_id = s.id) AS capacities
    FROM peers.nearest_with_space($1, $2, $3, $4) s`;
