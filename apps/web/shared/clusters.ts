/** A thing drawn on the map, at its position in screen pixels at the current zoom. */
export interface Spot<T> {
  item: T;
  x: number;
  y: number;
}

/**
 * Groups spots closer than `radius` pixels so that markers never pile up: in the given order,
 * each spot not yet taken starts a group and takes every free spot within `radius` of it. The
 * caller puts first what should lead a group. Spots are bucketed in a grid of `radius`-sized
 * cells, so a thousand shelters cost a few thousand distance checks, not a million.
 */
export function cluster<T>(spots: readonly Spot<T>[], radius: number): Spot<T>[][] {
  const cell = (value: number) => Math.floor(value / radius);
  const grid = new Map<string, number[]>();
  spots.forEach((spot, index) => {
    const key = `${cell(spot.x)}:${cell(spot.y)}`;
    const bucket = grid.get(key);
    if (bucket) {
      bucket.push(index);
    } else {
      grid.set(key, [index]);
    }
  });
  const taken = new Set<number>();
  const groups: Spot<T>[][] = [];
  spots.forEach((seed, index) => {
    if (taken.has(index)) {
      return;
    }
    const group: Spot<T>[] = [];
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const other of grid.get(`${cell(seed.x) + dx}:${cell(seed.y) + dy}`) ?? []) {
          const spot = spots[other];
          if (!taken.has(other) && Math.hypot(spot.x - seed.x, spot.y - seed.y) <= radius) {
            taken.add(other);
            group.push(spot);
          }
        }
      }
    }
    // The seed leads its group.
    groups.push([seed, ...group.filter((spot) => spot !== seed)]);
  });
  return groups;
}
