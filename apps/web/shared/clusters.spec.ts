import { describe, expect, it } from '@jest/globals';
import { cluster, type Spot } from './clusters';

const at = (item: string, x: number, y: number): Spot<string> => ({ item, x, y });
const items = (groups: Spot<string>[][]) => groups.map((group) => group.map((spot) => spot.item));

describe(cluster.name, () => {
  it('groups spots within the radius of the first one, across grid cells, and leaves far ones alone', () => {
    const spots = [
      at('a', 100, 100),
      at('b', 139, 100), // another cell, 39 px away
      at('c', 100, 160), // 60 px from a
      at('d', 500, 500),
    ];
    expect(items(cluster(spots, 40))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('lets the caller choose who leads: the order decides the seeds', () => {
    const spots = [at('b', 139, 100), at('a', 100, 100), at('e', 175, 100)];
    expect(items(cluster(spots, 40))).toEqual([['b', 'a', 'e']]);
    expect(items(cluster([...spots].reverse(), 40))).toEqual([['e', 'b'], ['a']]);
  });

  it('places every spot in exactly one group, however dense', () => {
    const spots = Array.from({ length: 1000 }, (_, i) =>
      at(String(i), (i * 7919) % 400, (i * 104729) % 300),
    );
    const groups = cluster(spots, 44);
    const placed = groups.flat().map((spot) => spot.item);
    expect(placed.sort()).toEqual(spots.map((spot) => spot.item).sort());
    // 400 × 300 px holds only so many 44 px circles: far fewer markers than shelters.
    expect(groups.length).toBeLessThan(120);
    for (const [seed, ...rest] of groups) {
      for (const spot of rest) {
        expect(Math.hypot(spot.x - seed.x, spot.y - seed.y)).toBeLessThanOrEqual(44);
      }
    }
  });
});
