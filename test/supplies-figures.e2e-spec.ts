import { randomUUID } from 'node:crypto';
import { createOrganisation, reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import {
  RECORD_MEAL,
  REVERSE,
  receiveStock,
  sendStock,
  supplyItem,
  useStock,
} from './factories/supplies.factory.js';
import { adminOf, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

interface Figures {
  from: string;
  to: string;
  flows: Record<string, number | string>[];
  meals: { day: string; meals: number; people: number }[];
  contributions: Record<string, number | string | null>[];
  foodDays: { day: string; daysLeft: number | null; people: number; kcal: number }[];
}

const FIGURES = `query($s: ID) { supplyFigures(shelterId: $s) {
  from to
  flows { category unit received used wasted transferredIn transferredOut adjusted }
  meals { day meals people }
  contributions { source organisationName category unit quantity }
  foodDays { day daysLeft people kcal } } }`;

/**
 * Figures of food and supplies (issue 21, item 9): flows per category and unit with reversals
 * counted against what they undo, meals per day, contributions by source (an organisation by
 * name, private donors in total), days of food left over time, and the same as CSV; a shelter's
 * for its staff, the network's for network roles only.
 */
describe('Food and supplies: figures (e2e)', () => {
  let app: TestApp;
  let shelterId: string;
  let otherId: string;
  let coordinator: Person;
  let volunteer: Person;
  let network: Person;

  const ok = <T>(result: GraphQLResponse<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const figures = async (by: Person, s: string | null) =>
    ok(await by.gql<{ supplyFigures: Figures }>(FIGURES, { s })).supplyFigures;

  beforeAll(async () => {
    app = await startTestApp();
    shelterId = await shelterFor(app, { populations: ['MEN'] });
    otherId = await shelterFor(app);
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterId, otherId] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    ok(
      await coordinator.gql(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, shelterId, [
            { population: 'MEN', freeBeds: 2, overflowFree: 0 },
          ]),
        },
      ),
    );
    const rice = await supplyItem(app, { name: 'Arroz figuras', kcalPerUnit: 3_600 });
    const banco = await createOrganisation(await adminOf(app), { name: 'Banco de Alimentos Uno' });
    await receiveStock(volunteer, shelterId, rice, 20, {
      source: 'ORGANISATION',
      organisationId: banco,
    });
    await receiveStock(volunteer, shelterId, rice, 10);
    // Recorded twice by mistake, and reversed: counts once.
    const [twice] = await receiveStock(volunteer, shelterId, rice, 5);
    ok(
      await volunteer.gql(REVERSE, {
        input: { requestId: randomUUID(), movementId: twice, reason: 'DUPLICATE' },
      }),
    );
    await useStock(volunteer, shelterId, rice, 4);
    await useStock(volunteer, shelterId, rice, 2, { kind: 'WASTED' });
    ok(
      await volunteer.gql(RECORD_MEAL, {
        input: {
          requestId: randomUUID(),
          shelterId,
          kind: 'LUNCH',
          people: 25,
          cookedFrom: [{ itemId: rice, quantity: 1, unit: 'KG' }],
        },
      }),
    );
    await sendStock(coordinator, shelterId, otherId, [[rice, 3]]);
  }, 60_000);

  afterAll(() => app?.close());

  it('counts what came, went and was wasted, by source, meal and day', async () => {
    const mine = await figures(volunteer, shelterId);
    expect(mine.flows).toEqual([
      {
        category: 'FOOD',
        unit: 'KG',
        received: 30,
        used: 5,
        wasted: 2,
        transferredIn: 0,
        transferredOut: 3,
        adjusted: 0,
      },
    ]);
    expect(mine.contributions).toEqual([
      {
        source: 'ORGANISATION',
        organisationName: 'Banco de Alimentos Uno',
        category: 'FOOD',
        unit: 'KG',
        quantity: 20,
      },
      {
        source: 'PRIVATE_DONOR',
        organisationName: null,
        category: 'FOOD',
        unit: 'KG',
        quantity: 10,
      },
    ]);
    expect(mine.meals).toEqual([{ day: mine.to, meals: 1, people: 25 }]);
    // 20 kg left (72,000 kcal) for 8 people at 2,100: 4.29 days by need.
    expect(mine.foodDays).toEqual([
      { day: mine.to, daysLeft: expect.any(Number), people: 8, kcal: 72_000 },
    ]);
    expect(mine.foodDays[0].daysLeft).toBeLessThanOrEqual(4.29);
  });

  it('exports the same as CSV, and the network’s to network roles only', async () => {
    const csv = ok(
      await coordinator.gql<{ supplyFiguresCsv: string }>(
        'query($s: ID) { supplyFiguresCsv(shelterId: $s) }',
        { s: shelterId },
      ),
    ).supplyFiguresCsv;
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,day,category,unit,source,organisation,measure,value');
    expect(lines).toContain(
      '"contributions","","FOOD","KG","ORGANISATION","Banco de Alimentos Uno","quantity",20',
    );
    expect(lines).toContain('"flows","","FOOD","KG","","","transferredOut",3');

    const all = await figures(network, null);
    expect(all.flows[0]).toMatchObject({ transferredOut: 3, transferredIn: 0 });
    const refused = await volunteer.gql(FIGURES, { s: null });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
