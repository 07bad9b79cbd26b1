import type { PublicShelter } from '@albergue/contracts';
import { NeedPriority, type PublicNeed, SupplyCategory, SupplyUnit } from '@albergue/supplies';
import { needsBoard } from './needs.js';

const shelter = (id: string, over: { sensitive?: boolean; status?: string } = {}) =>
  ({
    id,
    name: `Albergue ${id}`,
    status: over.status ?? 'OPEN',
    location: { approximate: over.sensitive ?? false },
    address: { borough: 'Cuauhtémoc', boroughCode: 'cdmx-cuauhtemoc' },
    contact: { phone: `+52 55 ${id}` },
  }) as unknown as PublicShelter;

const rice = (quantity: number | null, priority: NeedPriority): PublicNeed => ({
  id: `need-rice-${priority}`,
  itemId: 'rice',
  category: SupplyCategory.FOOD,
  names: { es: 'Arroz' },
  quantity,
  unit: SupplyUnit.KG,
  priority,
  until: null,
  local: false,
});
const clothes: PublicNeed = {
  id: 'need-clothes',
  itemId: null,
  category: SupplyCategory.CLOTHING,
  names: null,
  quantity: null,
  unit: null,
  priority: NeedPriority.LOW,
  until: '2026-12-31',
  local: false,
};

describe(needsBoard.name, () => {
  it('adds quantities per item, keeps the most pressing priority, sorts by it then by shelters', () => {
    const board = needsBoard(
      [
        { shelterId: 'a', nameShown: false, needs: [rice(12.5, NeedPriority.LOW), clothes] },
        { shelterId: 'b', nameShown: false, needs: [rice(null, NeedPriority.HIGH), clothes] },
        { shelterId: 'c', nameShown: false, needs: [clothes] },
      ],
      [shelter('a'), shelter('b'), shelter('c')],
    );
    expect(board.network).toEqual([
      expect.objectContaining({
        itemId: 'rice',
        quantity: 12.5,
        priority: 'HIGH',
        shelters: 2,
        unstated: 1,
      }),
      expect.objectContaining({
        category: 'CLOTHING',
        quantity: null,
        priority: 'LOW',
        shelters: 3,
      }),
    ]);
  });

  it('shows a sensitive shelter by its borough only, unless it opted in; leaves out closed and unlisted ones', () => {
    const board = needsBoard(
      [
        { shelterId: 'hidden', nameShown: false, needs: [clothes] },
        { shelterId: 'named', nameShown: true, needs: [clothes] },
        { shelterId: 'closed', nameShown: false, needs: [clothes] },
        { shelterId: 'unlisted', nameShown: false, needs: [clothes] },
      ],
      [
        shelter('hidden', { sensitive: true }),
        shelter('named', { sensitive: true }),
        shelter('closed', { status: 'CLOSED' }),
      ],
    );
    // Named shelters first, by name; then the unnamed.
    expect(board.shelters).toEqual([
      expect.objectContaining({ id: 'named', name: 'Albergue named', phone: '+52 55 named' }),
      expect.objectContaining({ id: null, name: null, phone: null, borough: 'Cuauhtémoc' }),
    ]);
    expect(board.network).toEqual([expect.objectContaining({ shelters: 2 })]);
  });

  it('never orders unnamed shelters by id, and hides an unnamed shelter’s own item', () => {
    const own: PublicNeed = {
      ...rice(3, NeedPriority.HIGH),
      itemId: 'own-item',
      names: { es: 'Leche Casa Secreta' },
      unit: SupplyUnit.L,
      local: true,
    };
    const needs = (ids: string[]) =>
      needsBoard(
        [
          { shelterId: ids[0], nameShown: false, needs: [clothes] },
          { shelterId: ids[1], nameShown: false, needs: [own] },
        ],
        [shelter(ids[0], { sensitive: true }), shelter(ids[1], { sensitive: true })],
      );
    const one = needs(['0-low-id', 'z-high-id']);
    const other = needs(['z-high-id', '0-low-id']);
    expect(one.shelters).toEqual(other.shelters);
    const text = JSON.stringify(one);
    expect(text).not.toContain('Leche Casa Secreta');
    expect(text).not.toContain('own-item');
    expect(one.shelters.flatMap((entry) => entry.needs)).toContainEqual(
      expect.objectContaining({ itemId: null, names: null, quantity: null, category: 'FOOD' }),
    );
  });
});
