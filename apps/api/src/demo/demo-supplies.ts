import { type Actor, Role } from '@albergue/common';
import {
  MealKind,
  MealsService,
  NeedPriority,
  StockService,
  StockTransfersService,
  StockUse,
  SupplyCategory,
  SupplyItemsService,
  SupplyNeeds,
  SupplySource,
  SupplyThresholds,
  SupplyUnit,
} from '@albergue/supplies';
import { randomUUID } from 'node:crypto';

interface DemoItem {
  names: { es: string; en: string; fr: string; ht: string; pt: string };
  category: SupplyCategory;
  unit: SupplyUnit;
  kcalPerUnit?: number;
}

/** The network's catalogue as an admin would start it (kcal: typical values per kg or litre). */
export const DEMO_ITEMS: DemoItem[] = [
  {
    names: { es: 'Arroz', en: 'Rice', fr: 'Riz', ht: 'Diri', pt: 'Arroz' },
    category: SupplyCategory.FOOD,
    unit: SupplyUnit.KG,
    kcalPerUnit: 3_600,
  },
  {
    names: { es: 'Frijol', en: 'Beans', fr: 'Haricots', ht: 'Pwa', pt: 'Feijão' },
    category: SupplyCategory.FOOD,
    unit: SupplyUnit.KG,
    kcalPerUnit: 3_400,
  },
  {
    names: { es: 'Aceite', en: 'Cooking oil', fr: 'Huile', ht: 'Lwil', pt: 'Óleo' },
    category: SupplyCategory.FOOD,
    unit: SupplyUnit.L,
    kcalPerUnit: 8_200,
  },
  {
    names: {
      es: 'Agua potable',
      en: 'Drinking water',
      fr: 'Eau potable',
      ht: 'Dlo potab',
      pt: 'Água potável',
    },
    category: SupplyCategory.WATER,
    unit: SupplyUnit.L,
  },
  {
    names: { es: 'Jabón', en: 'Soap', fr: 'Savon', ht: 'Savon', pt: 'Sabonete' },
    category: SupplyCategory.HYGIENE,
    unit: SupplyUnit.PIECE,
  },
  {
    names: { es: 'Pañales', en: 'Diapers', fr: 'Couches', ht: 'Kouchèt', pt: 'Fraldas' },
    category: SupplyCategory.BABY,
    unit: SupplyUnit.PACK,
  },
  {
    names: {
      es: 'Toallas sanitarias',
      en: 'Sanitary pads',
      fr: 'Serviettes hygiéniques',
      ht: 'Kotèks',
      pt: 'Absorventes',
    },
    category: SupplyCategory.HYGIENE,
    unit: SupplyUnit.PACK,
  },
];

/** Index into DEMO_ITEMS, quantity in, quantity used; an expiry `days` from today when given. */
type DemoStock = [item: number, received: number, used: number, expiresInDays?: number];

/** Per demo shelter index (the coordinator's: 1, 2 and 5): what its pantry holds. */
const DEMO_PANTRIES: [shelter: number, DemoStock[]][] = [
  [
    1,
    [
      [0, 120, 35, 240],
      [1, 60, 12, 300],
      [2, 20, 4, 5],
      [3, 200, 80],
      [4, 80, 30],
      [5, 15, 9],
    ],
  ],
  // Short of rice and beans: a transfer from shelter 1 is on its way.
  [
    2,
    [
      [0, 8, 6, 200],
      [1, 5, 4, 200],
      [2, 6, 1, 90],
      [3, 60, 50],
      [6, 30, 10],
    ],
  ],
  [
    5,
    [
      [0, 40, 10, 180],
      [4, 40, 8],
      [5, 20, 6],
      [6, 12, 2],
    ],
  ],
];

/** What the demo shelters ask donors for (index into DEMO_ITEMS, or a category): /needs. */
const DEMO_NEEDS: [
  shelter: number,
  what: number | SupplyCategory,
  quantity: number | null,
  priority: NeedPriority,
  untilInDays: number | null,
][] = [
  [2, 0, 100, NeedPriority.HIGH, 14],
  [2, 1, 40, NeedPriority.HIGH, 14],
  [2, 6, 20, NeedPriority.MEDIUM, null],
  [5, 5, 30, NeedPriority.MEDIUM, 30],
  [5, SupplyCategory.CLOTHING, null, NeedPriority.LOW, 30],
];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo's food and supplies: the network's items (by the demo admin), a pantry at each of the
 * demo coordinator's shelters (deliveries, distributions, today's lunch), a transfer of rice
 * and beans in transit to the shelter that is short of them, a low mark on its rice and the needs
 * the shelters publish. Fictional, like the rest.
 */
export async function loadDemoSupplies(
  services: {
    items: SupplyItemsService;
    stock: StockService;
    meals: MealsService;
    transfers: StockTransfersService;
    thresholds: SupplyThresholds;
    needs: SupplyNeeds;
  },
  shelterIds: string[],
  adminId: string,
  coordinatorId: string,
): Promise<{ items: number; movements: number; needs: number }> {
  const actor = (userId: string, networkRole: Actor['networkRole']): Actor => ({
    userId,
    sessionId: 'demo',
    networkRole,
    memberships: new Map(),
    services: new Set(),
  });
  const admin = actor(adminId, Role.ADMIN);
  const coordinator = actor(coordinatorId, null);
  const itemIds: string[] = [];
  for (const item of DEMO_ITEMS) {
    const created = await services.items.create(
      { requestId: randomUUID(), ...item, kcalPerUnit: item.kcalPerUnit ?? null },
      admin,
    );
    itemIds.push(created.id);
  }
  let movements = 0;
  for (const [shelter, pantry] of DEMO_PANTRIES) {
    const shelterId = shelterIds[shelter];
    for (const [index, received, used, expiresInDays] of pantry) {
      const { unit } = DEMO_ITEMS[index];
      await services.stock.receive(
        {
          requestId: randomUUID(),
          shelterId,
          itemId: itemIds[index],
          quantity: received,
          unit,
          source: index % 2 === 0 ? SupplySource.PRIVATE_DONOR : SupplySource.PURCHASE,
          lot: expiresInDays === undefined ? null : `D-${100 + index}`,
          expiresOn: expiresInDays === undefined ? null : inDays(expiresInDays),
        },
        coordinator,
      );
      await services.stock.use(
        {
          requestId: randomUUID(),
          shelterId,
          itemId: itemIds[index],
          quantity: used,
          unit,
          kind: StockUse.ISSUED,
        },
        coordinator,
      );
      movements += 2;
    }
    await services.meals.record(
      {
        requestId: randomUUID(),
        shelterId,
        kind: MealKind.LUNCH,
        people: 40 + shelter * 7,
        cookedFrom: [{ itemId: itemIds[0], quantity: 1, unit: SupplyUnit.KG }],
      },
      coordinator,
    );
    movements += 1;
  }
  await services.transfers.send(
    {
      requestId: randomUUID(),
      fromShelterId: shelterIds[1],
      toShelterId: shelterIds[2],
      lines: [
        { itemId: itemIds[0], quantity: 20, unit: SupplyUnit.KG },
        { itemId: itemIds[1], quantity: 10, unit: SupplyUnit.KG },
      ],
    },
    coordinator,
  );
  // The shelter short of rice watches it: below 30 kg is low (an alert the demo starts with).
  await services.thresholds.set(
    { shelterId: shelterIds[2], itemId: itemIds[0], low: 30 },
    coordinator,
  );
  for (const [shelter, what, quantity, priority, untilInDays] of DEMO_NEEDS) {
    const item = typeof what === 'number' ? DEMO_ITEMS[what] : null;
    await services.needs.publish(
      {
        requestId: randomUUID(),
        shelterId: shelterIds[shelter],
        itemId: typeof what === 'number' ? itemIds[what] : null,
        category: typeof what === 'number' ? null : what,
        quantity,
        unit: item?.unit ?? null,
        priority,
        until: untilInDays === null ? null : inDays(untilInDays),
      },
      coordinator,
    );
  }
  return { items: itemIds.length, movements: movements + 2, needs: DEMO_NEEDS.length };
}
