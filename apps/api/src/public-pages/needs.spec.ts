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
  itemId: 'rice',
  category: SupplyCategory.FOOD,
  names: { es: 'Arroz' },
  quantity,
  unit: SupplyUnit.KG,
  priority,
  until: null,
});
const clothes: PublicNeed = {
  itemId: null,
  category: SupplyCategory.CLOTHING,
  names: null,
  quantity: null,
  unit: null,
  priority: NeedPriority.LOW,
  until: '2026-12-31',
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
      expect.objectContaining({ itemId: 'rice', quantity: 12.5, priority: 'HIGH', shelters: 2 }),
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
    expect(board.shelters).toEqual([
      expect.objectContaining({ id: null, name: null, phone: null, borough: 'Cuauhtémoc' }),
      expect.objectContaining({ id: 'named', name: 'Albergue named', phone: '+52 55 named' }),
    ]);
    expect(board.network).toEqual([expect.objectContaining({ shelters: 2 })]);
  });
});
