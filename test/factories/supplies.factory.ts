import { randomUUID } from 'node:crypto';
import { SupplyPledges } from '@albergue/supplies';
import { adminOf, type GraphQLClient, type Reachable, type TestApp } from '../helpers/test-app.js';

/**
 * Food and supplies through the API, as staff record them: network items (made by the app's
 * admin), receipts, uses, stocktakes, meals and transfers. Each helper throws on an error, so
 * a spec reads only what it is about; specs of refusals send their own requests.
 */

export const ITEM_FIELDS = 'id shelterId names { es en fr ht pt } category unit kcalPerUnit active';
export const MOVEMENT_FIELDS = `id actId shelterId itemId kind quantity unit lot expiresOn expiredOnReceipt
  source organisationId pledgeId transferId mealId counted adjustmentReason reversesId reversalReason
  reversedById recordedBy at`;
export const ACT_FIELDS = `id warnings movements { ${MOVEMENT_FIELDS} }`;
export const STOCK_FIELDS = 'itemId quantity unit nearestExpiry lots { lot expiresOn quantity }';
export const TRANSFER_FIELDS = `id fromShelterId toShelterId state sentBy sentAt receivedBy receivedAt warnings
  lines { itemId unit quantitySent quantityReceived difference differenceReason }`;

export const RECEIVE = `mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { ${ACT_FIELDS} } }`;
export const USE = `mutation($input: UseStockInput!) { useStock(input: $input) { ${ACT_FIELDS} } }`;
export const COUNT = `mutation($input: CountStockInput!) { countStock(input: $input) { ${ACT_FIELDS} } }`;
export const REVERSE = `mutation($input: ReverseStockMovementInput!) { reverseStockMovement(input: $input) { ${ACT_FIELDS} } }`;
export const RECORD_MEAL = `mutation($input: RecordMealInput!) { recordMeal(input: $input) { id day kind people cookedFrom { ${MOVEMENT_FIELDS} } } }`;
export const SEND = `mutation($input: SendStockInput!) { sendStock(input: $input) { ${TRANSFER_FIELDS} } }`;
export const RECEIVE_TRANSFER = `mutation($input: ReceiveTransferInput!) { receiveTransfer(input: $input) { ${TRANSFER_FIELDS} } }`;
export const CANCEL_TRANSFER = `mutation($input: CancelTransferInput!) { cancelTransfer(input: $input) { ${TRANSFER_FIELDS} } }`;
export const STOCK_AT = `query($id: ID!) { stockAt(shelterId: $id) { ${STOCK_FIELDS} } }`;

export interface StockLevel {
  itemId: string;
  quantity: number;
  unit: string;
  nearestExpiry: string | null;
  lots: { lot: string | null; expiresOn: string | null; quantity: number }[];
}

export interface ItemOptions {
  /** Spanish name; the other four are made from it. */
  name?: string;
  category?: string;
  unit?: string;
  kcalPerUnit?: number | null;
  /** A shelter's own item (made by `by`, its coordinator); default: a network item by the admin. */
  shelterId?: string;
}

function ok<T>(result: { data?: T | null; errors?: unknown[] }, what: string): T {
  if (!result.data || result.errors) {
    throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** An item of the catalogue; returns its id. */
export async function supplyItem(
  app: Reachable,
  options: ItemOptions = {},
  by?: GraphQLClient,
): Promise<string> {
  const name = options.name ?? `Arroz ${randomUUID().slice(0, 6)}`;
  const client = by ?? (await adminOf(app));
  const created = await client.gql<{ createSupplyItem: { id: string } }>(
    'mutation($input: CreateSupplyItemInput!) { createSupplyItem(input: $input) { id } }',
    {
      input: {
        requestId: randomUUID(),
        shelterId: options.shelterId,
        names: {
          es: name,
          en: `${name} (en)`,
          fr: `${name} (fr)`,
          ht: `${name} (ht)`,
          pt: `${name} (pt)`,
        },
        category: options.category ?? 'FOOD',
        unit: options.unit ?? 'KG',
        kcalPerUnit: options.kcalPerUnit === undefined ? 3_600 : options.kcalPerUnit,
      },
    },
  );
  return ok(created, 'createSupplyItem').createSupplyItem.id;
}

/** A delivery from a private donor (or what `over` says); returns the act's movement ids. */
export async function receiveStock(
  by: GraphQLClient,
  shelterId: string,
  itemId: string,
  quantity: number,
  over: Record<string, unknown> = {},
): Promise<string[]> {
  const result = await by.gql<{ receiveStock: { movements: { id: string }[] } }>(RECEIVE, {
    input: {
      requestId: randomUUID(),
      shelterId,
      itemId,
      quantity,
      unit: 'KG',
      source: 'PRIVATE_DONOR',
      ...over,
    },
  });
  return ok(result, 'receiveStock').receiveStock.movements.map((m) => m.id);
}

/** Stock handed out (ISSUED unless `over.kind`); returns the act's movement ids. */
export async function useStock(
  by: GraphQLClient,
  shelterId: string,
  itemId: string,
  quantity: number,
  over: Record<string, unknown> = {},
): Promise<string[]> {
  const result = await by.gql<{ useStock: { movements: { id: string }[] } }>(USE, {
    input: {
      requestId: randomUUID(),
      shelterId,
      itemId,
      quantity,
      unit: 'KG',
      kind: 'ISSUED',
      ...over,
    },
  });
  return ok(result, 'useStock').useStock.movements.map((m) => m.id);
}

/** A shelter's stock now, as its staff (or a network role) read it. */
export async function stockAt(by: GraphQLClient, shelterId: string): Promise<StockLevel[]> {
  return ok(await by.gql<{ stockAt: StockLevel[] }>(STOCK_AT, { id: shelterId }), 'stockAt')
    .stockAt;
}

/** One item's quantity at a shelter now (0 when it holds none). */
export async function quantityOf(
  by: GraphQLClient,
  shelterId: string,
  itemId: string,
): Promise<number> {
  return (await stockAt(by, shelterId)).find((level) => level.itemId === itemId)?.quantity ?? 0;
}

/** Sends stock (lines of [itemId, quantity] in KG); returns the transfer's id. */
export async function sendStock(
  by: GraphQLClient,
  fromShelterId: string,
  toShelterId: string,
  lines: [string, number][],
): Promise<string> {
  const result = await by.gql<{ sendStock: { id: string } }>(SEND, {
    input: {
      requestId: randomUUID(),
      fromShelterId,
      toShelterId,
      lines: lines.map(([itemId, quantity]) => ({ itemId, quantity, unit: 'KG' })),
    },
  });
  return ok(result, 'sendStock').sendStock.id;
}

export const NEED_FIELDS =
  'id shelterId itemId category quantity unit priority until public closedAt closure';
export const PUBLISH_NEED = `mutation($input: PublishNeedInput!) { publishNeed(input: $input) { ${NEED_FIELDS} } }`;

/** A need published by a coordinator (a category's, MEDIUM, unless `over` says); returns its id. */
export async function publishNeed(
  by: GraphQLClient,
  shelterId: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const result = await by.gql<{ publishNeed: { id: string } }>(PUBLISH_NEED, {
    input: { requestId: randomUUID(), shelterId, category: 'WATER', priority: 'MEDIUM', ...over },
  });
  return ok(result, 'publishNeed').publishNeed.id;
}

/**
 * A pledge as the public makes one (`POST /needs/pledges`), to a need; returns its id. The
 * service is called in-process as the route calls it, with `address` standing for the caller
 * (each address pledges once per need an hour), so a spec can make several.
 */
export async function pledgeTo(
  app: TestApp,
  needId: string,
  address = '192.0.2.10',
): Promise<string> {
  const requestId = randomUUID();
  const bringBy = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await app.app
    .get(SupplyPledges)
    .pledge(
      { requestId, needId, bringBy, name: 'Donante de prueba', phone: '+52 55 1111 2222' },
      address,
    );
  const [row] = await app.sql<{ id: string }>(
    'SELECT id FROM supply_pledge WHERE need_id = $1 ORDER BY created_at DESC LIMIT 1',
    [needId],
  );
  return row.id;
}
