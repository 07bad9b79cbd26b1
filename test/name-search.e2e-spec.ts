import { NameSearchService } from '@albergue/residents';
import { FieldCipher, KeyRotationService, newKey, parseKeyring } from '@albergue/vault';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import {
  type SignedIn,
  startTestApp,
  TEST_RESIDENT_KEY,
  type TestApp,
} from './helpers/test-app.js';

interface Match {
  resident: { id: string; name: string; birthYear: number | null; currentShelterId: string };
  matchedTokens: number;
  matchedSounds: number;
}

const FIND = `query($s: ID!, $name: String!, $from: Int, $to: Int, $first: Int, $offset: Int) {
  findResidents(shelterId: $s, name: $name, birthYearFrom: $from, birthYearTo: $to, first: $first, offset: $offset) {
    resident { id name birthYear currentShelterId } matchedTokens matchedSounds } }`;

/** A name nobody else has, in every form an index could leak it: as typed, folded, and its sound. */
const CANARY = 'Zéphyrine Quaxwoldrée';
const CANARY_FORMS = [
  'Zéphyrine',
  'Quaxwoldrée',
  'zephyrine',
  'quaxwoldree',
  'sefirin',
  'kaksuoldr',
];

describe('Finding a person by parts of their name (e2e)', () => {
  // One world, made in beforeAll: shelters A and B (the coordinator works at both, the volunteer
  // at A), shelter C with its own coordinator and a person nobody at A may see. The tests run in
  // order: the erasure and the key rotation at the end change what the earlier ones found.
  let app: TestApp;
  let logLines: string[];
  let coordinator: SignedIn;
  let volunteer: SignedIn;
  let outsider: SignedIn;
  let shelterA: string;
  let shelterB: string;
  let shelterC: string;
  const ids: Record<string, string> = {};

  const register = async (
    client: SignedIn,
    shelterId: string,
    members: Record<string, unknown>[],
    overrides: Record<string, unknown> = {},
  ) =>
    client.gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
      input: householdInput(shelterId, members, overrides),
    });
  const find = async (
    client: SignedIn,
    shelterId: string,
    name: string,
    extra: Record<string, unknown> = {},
  ) => {
    const result = await client.gql<{ findResidents: Match[] }>(FIND, {
      s: shelterId,
      name,
      ...extra,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.findResidents;
  };
  const idsOf = (matches: Match[]) => matches.map((match) => match.resident.id);
  const indexRows = async (residentId: string) =>
    app.sql<{ kind: string; hmac: string }>(
      'SELECT kind, hmac FROM resident_name_index WHERE resident_id = $1 ORDER BY kind, hmac',
      [residentId],
    );

  beforeAll(async () => {
    const logs = captureLogs('debug');
    logLines = logs.lines;
    app = await startTestApp({}, logs.logger);
    shelterA = await shelterFor(app, { name: 'Albergue A' });
    shelterB = await shelterFor(app, { name: 'Albergue B' });
    shelterC = await shelterFor(app, { name: 'Albergue C' });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    outsider = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterC });
    const people: [string, SignedIn, string, string, number][] = [
      ['jeanBaptiste', volunteer, shelterA, 'Jean-Baptiste Dorélien', 1985],
      ['yesica', volunteer, shelterA, 'Yésica Martínez de la Cruz', 1992],
      ['jeanPierre', volunteer, shelterA, 'Jean Pierre Louis', 1960],
      ['mariaJose', coordinator, shelterB, 'María José Hernández', 1990],
      ['elsewhere', outsider, shelterC, 'Yessica Marisol Dorélien', 1992],
    ];
    for (const [key, client, shelterId, name, birthYear] of people) {
      const result = await register(client, shelterId, [adult(name, { birthYear })]);
      expect(result.errors).toBeUndefined();
      ids[key] = result.data!.registerHousehold.members[0].id;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  describe('findResidents', () => {
    it('finds a person by the given name alone, or the family name alone', async () => {
      expect(idsOf(await find(volunteer, shelterA, 'Yésica'))).toEqual([ids.yesica]);
      expect(idsOf(await find(volunteer, shelterA, 'DORELIEN'))).toEqual([ids.jeanBaptiste]);
      expect(idsOf(await find(volunteer, shelterA, 'de la Cruz'))).toEqual([ids.yesica]);
      expect(idsOf(await find(volunteer, shelterA, 'Delacruz'))).toEqual([ids.yesica]);
      const [match] = await find(volunteer, shelterA, 'martinez');
      expect(match).toEqual({
        resident: {
          id: ids.yesica,
          name: 'Yésica Martínez de la Cruz',
          birthYear: 1992,
          currentShelterId: shelterA,
        },
        matchedTokens: 1,
        matchedSounds: 1,
      });
    });

    it('finds a misspelt name by its sound', async () => {
      const [batist] = await find(volunteer, shelterA, 'Jan Batist');
      expect(batist).toMatchObject({
        resident: { id: ids.jeanBaptiste },
        matchedTokens: 0,
        matchedSounds: 2,
      });
      expect(idsOf(await find(volunteer, shelterA, 'Jessica'))).toEqual([ids.yesica]);
      expect(idsOf(await find(volunteer, shelterA, 'Llésica Martines'))).toEqual([ids.yesica]);
      expect(idsOf(await find(coordinator, shelterB, 'Ernandes'))).toEqual([ids.mariaJose]);
      expect(await find(volunteer, shelterA, 'Roberto')).toEqual([]);
    });

    it('ranks exact tokens before sounds, more tokens first, then the closer birth year', async () => {
      const ranked = await find(volunteer, shelterA, 'Jean Baptiste');
      expect(idsOf(ranked)).toEqual([ids.jeanBaptiste, ids.jeanPierre]);
      expect(ranked.map((m) => [m.matchedTokens, m.matchedSounds])).toEqual([
        [2, 2],
        [1, 1],
      ]);
      const byYear = await find(volunteer, shelterA, 'Jean', { from: 1955, to: 1985 });
      // Both have "Jean"; 1960 is nearer the middle of 1955-1985 than 1985 is.
      expect(idsOf(byYear)).toEqual([ids.jeanPierre, ids.jeanBaptiste]);
    });

    it('keeps to a birth-year range', async () => {
      expect(idsOf(await find(volunteer, shelterA, 'Jean', { from: 1980, to: 1990 }))).toEqual([
        ids.jeanBaptiste,
      ]);
      expect(idsOf(await find(volunteer, shelterA, 'Jean', { to: 1970 }))).toEqual([
        ids.jeanPierre,
      ]);
      expect(await find(volunteer, shelterA, 'Jean', { from: 1993 })).toEqual([]);
    });

    it('pages through the matches', async () => {
      const first = await find(volunteer, shelterA, 'Jean', { first: 1 });
      const second = await find(volunteer, shelterA, 'Jean', { first: 1, offset: 1 });
      // Equal ranks (one part and one sound each, no range) fall back to the id: a stable order.
      expect([...idsOf(first), ...idsOf(second)].sort()).toEqual(
        [ids.jeanBaptiste, ids.jeanPierre].sort(),
      );
      expect(await find(volunteer, shelterA, 'Jean', { first: 1, offset: 1 })).toEqual(second);
    });

    it('finds only people in the shelters the caller works in', async () => {
      // The person at C shares "Dorélien" and "Yessica" with people at A: A's staff never see them.
      expect(idsOf(await find(volunteer, shelterA, 'Yessica Dorelien'))).not.toContain(
        ids.elsewhere,
      );
      // A coordinator of A and B finds people of both, from either.
      expect(idsOf(await find(coordinator, shelterA, 'Hernandez'))).toEqual([ids.mariaJose]);
      // C's coordinator finds C's person only, and may not search from A.
      expect(idsOf(await find(outsider, shelterC, 'Yésica Dorélien'))).toEqual([ids.elsewhere]);
      const refused = await outsider.gql(FIND, { s: shelterA, name: 'Yésica' });
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    });

    it('audits every record a search opens, and only those', async () => {
      const before = await app.sql<{ target_id: string }>(
        `SELECT target_id FROM audit_entry WHERE action = 'resident.read' AND detail = 'name-search'`,
      );
      await find(volunteer, shelterA, 'Dorélien');
      const after = await app.sql<{ target_id: string; shelter_id: string }>(
        `SELECT target_id, shelter_id FROM audit_entry
          WHERE action = 'resident.read' AND detail = 'name-search' ORDER BY id`,
      );
      expect(after.slice(before.length)).toEqual([
        { target_id: ids.jeanBaptiste, shelter_id: shelterA },
      ]);
    });

    it('audits each search once, also those that open nothing, without its terms', async () => {
      const searches = () =>
        app.sql<{ shelter_id: string; detail: string; target_id: string | null }>(
          `SELECT shelter_id, detail, target_id FROM audit_entry
            WHERE action = 'resident.search' AND actor_id = $1 ORDER BY id`,
          [volunteer.userId],
        );
      const before = (await searches()).length;
      expect(await find(volunteer, shelterA, 'Nobodyhere Quixotl')).toEqual([]);
      expect(await find(volunteer, shelterA, 'Dorélien')).toHaveLength(1);
      const likely = await volunteer.gql(
        'query($s: ID!, $n: String!) { likelyMatches(shelterId: $s, name: $n) { resident { id } } }',
        { s: shelterA, n: 'Zzyzx Nobody' },
      );
      expect(likely.errors).toBeUndefined();
      const rows = (await searches()).slice(before);
      expect(rows).toEqual([
        { shelter_id: shelterA, detail: 'name-search results:0', target_id: null },
        { shelter_id: shelterA, detail: 'name-search results:1', target_id: null },
        { shelter_id: shelterA, detail: 'register-check results:0', target_id: null },
      ]);
      expect(JSON.stringify(rows).toLowerCase()).not.toMatch(/nobody|quixotl|dor[eé]lien|zzyzx/);
    });

    it('refuses a name with nothing to search and a reversed range, with what to do', async () => {
      const empty = await volunteer.gql(FIND, { s: shelterA, name: 'J. ?' });
      expect(empty.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NAME_UNSEARCHABLE',
        fields: ['name'],
      });
      expect(empty.errors![0].message).toMatch(/two letters or more/);
      const reversed = await volunteer.gql(FIND, {
        s: shelterA,
        name: 'Jean',
        from: 1990,
        to: 1980,
      });
      expect(reversed.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'BIRTH_YEARS_REVERSED',
      });
      const tooMany = await volunteer.gql(FIND, { s: shelterA, name: 'Jean', first: 51 });
      expect(tooMany.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('registration', () => {
    const LIKELY = `query($s: ID!, $name: String!, $year: Int) {
      likelyMatches(shelterId: $s, name: $name, birthYear: $year) { resident { id } matchedTokens matchedSounds } }`;
    const residents = async () =>
      (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0].n;

    it('shows likely matches, refuses a likely duplicate, and registers it once confirmed new', async () => {
      const likely = await volunteer.gql<{ likelyMatches: Match[] }>(LIKELY, {
        s: shelterA,
        name: 'Jessica Martines',
        year: 1993,
      });
      expect(likely.data!.likelyMatches.map((m) => m.resident.id)).toEqual([ids.yesica]);

      const before = await residents();
      const member = adult('Jessica Martines', { birthYear: 1993 });
      const refused = await register(volunteer, shelterA, [adult('Wideline Saint-Fleur'), member]);
      expect(refused.errors![0].extensions).toEqual({
        code: 'CONFLICT',
        reason: 'POSSIBLE_DUPLICATE',
        fields: ['input.members.1.name'],
        details: { matches: [{ member: 1, residentIds: [ids.yesica] }] },
      });
      expect(refused.errors![0].message).toMatch(/likelyMatches.*confirmNew/);
      expect(await residents()).toBe(before);

      const confirmed = await register(volunteer, shelterA, [member], { confirmNew: true });
      expect(confirmed.errors).toBeUndefined();
      expect(await residents()).toBe(before + 1);
    });

    it('does not count people far apart in age, or out of the caller’s sight', async () => {
      const farApart = await register(volunteer, shelterA, [
        adult('Yésica Martínez', { birthYear: 1970 }),
      ]);
      expect(farApart.errors).toBeUndefined();
      // "Yessica Marisol Dorélien" lives at C: A's volunteer cannot be told she exists.
      const unseen = await register(volunteer, shelterA, [
        adult('Yessica Marisol', { birthYear: 1992 }),
      ]);
      expect(unseen.errors).toBeUndefined();
    });

    it('possibleDuplicates pairs records whose names share parts, across the caller’s shelters', async () => {
      const atB = await register(coordinator, shelterB, [
        adult('Jan Batist Dorelien', { birthYear: 1986 }),
      ]);
      expect(atB.errors![0].extensions.reason).toBe('POSSIBLE_DUPLICATE');
      const confirmed = await register(
        coordinator,
        shelterB,
        [adult('Jan Batist Dorelien', { birthYear: 1986 })],
        { confirmNew: true },
      );
      const other = confirmed.data!.registerHousehold.members[0].id;
      const found = await coordinator.gql<{
        possibleDuplicates: { residentId: string; otherResidentId: string; matchedOn: string[] }[];
      }>(
        'query($s: ID!) { possibleDuplicates(shelterId: $s) { residentId otherResidentId matchedOn } }',
        { s: shelterA },
      );
      expect(found.data!.possibleDuplicates).toContainEqual({
        residentId: ids.jeanBaptiste,
        otherResidentId: other,
        matchedOn: ['name-parts'],
      });
    });
  });

  describe('duplicates by name parts', () => {
    const MERGE = 'mutation($k: ID!, $m: ID!) { mergeResidents(keepId: $k, mergeId: $m) }';
    const pairsAt = async (shelterId: string) => {
      const found = await coordinator.gql<{
        possibleDuplicates: { residentId: string; otherResidentId: string }[];
      }>('query($s: ID!) { possibleDuplicates(shelterId: $s) { residentId otherResidentId } }', {
        s: shelterId,
      });
      expect(found.errors).toBeUndefined();
      return found.data!.possibleDuplicates.map((p) => `${p.residentId} ${p.otherResidentId}`);
    };
    const one = async (shelterId: string, name: string, birthYear: number) => {
      const registered = await register(coordinator, shelterId, [adult(name, { birthYear })], {
        confirmNew: true,
      });
      expect(registered.errors).toBeUndefined();
      return registered.data!.registerHousehold.members[0].id;
    };
    const residentsLeft = async (idList: string[]) =>
      (await app.sql('SELECT id FROM resident WHERE id = ANY($1)', [idList])).length;

    it('one first name in common (a token and its own sound) is not a duplicate, nor mergeable', async () => {
      const atA = await one(shelterA, 'Yulissa Oquendo', 1990);
      const atB = await one(shelterB, 'Yulissa Ibargüen', 1990);
      expect(await pairsAt(shelterA)).not.toContain(`${atA} ${atB}`);
      const merged = await coordinator.gql(MERGE, { k: atA, m: atB });
      expect(merged.errors![0].extensions.reason).toBe('NOT_DUPLICATES');
      expect(await residentsLeft([atA, atB])).toBe(2);
    });

    it('names alike but born far apart are not mergeable', async () => {
      const atA = await one(shelterA, 'Roselaure Baptichon', 1960);
      const atB = await one(shelterB, 'Roselaure Baptichon Pierre', 2001);
      expect(await pairsAt(shelterA)).not.toContain(`${atA} ${atB}`);
      const merged = await coordinator.gql(MERGE, { k: atA, m: atB });
      expect(merged.errors![0].extensions.reason).toBe('NOT_DUPLICATES');
      expect(await residentsLeft([atA, atB])).toBe(2);
    });

    it('a real pair (two parts in common, born a year apart) is listed and merged', async () => {
      const atA = await one(shelterA, 'Wilmide Charlestin', 1984);
      const atB = await one(shelterB, 'Wilmide Charlestin Joseph', 1985);
      expect(await pairsAt(shelterA)).toContain(`${atA} ${atB}`);
      const merged = await coordinator.gql<{ mergeResidents: string }>(MERGE, { k: atA, m: atB });
      expect(merged.errors).toBeUndefined();
      expect(merged.data!.mergeResidents).toBe(atA);
      expect(await residentsLeft([atA, atB])).toBe(1);
    });
  });

  describe('renameResident', () => {
    it('rewrites the name, its exact look-up and its index in one act', async () => {
      const registered = await register(volunteer, shelterA, [
        adult('Fritznel Oxeus', { birthYear: 1977 }),
      ]);
      const id = registered.data!.registerHousehold.members[0].id;
      const before = await indexRows(id);
      const renamed = await volunteer.gql<{ renameResident: { name: string } }>(
        'mutation($id: ID!) { renameResident(id: $id, name: "Fritznel Auguste") { name } }',
        { id },
      );
      expect(renamed.data!.renameResident.name).toBe('Fritznel Auguste');
      expect(await find(volunteer, shelterA, 'Oxeus')).toEqual([]);
      expect(idsOf(await find(volunteer, shelterA, 'Ogust'))).toEqual([id]);
      const after = await indexRows(id);
      expect(after).toHaveLength(4);
      expect(after.filter((row) => before.some((old) => old.hmac === row.hmac))).toHaveLength(2);
      const exact = await volunteer.gql<{ searchResidents: { id: string }[] }>(
        'query($s: ID!) { searchResidents(shelterId: $s, name: "Fritznel Auguste", birthYear: 1977) { id } }',
        { s: shelterA },
      );
      expect(exact.data!.searchResidents.map((r) => r.id)).toEqual([id]);
      const bad = await volunteer.gql(
        'mutation($id: ID!) { renameResident(id: $id, name: "") { id } }',
        {
          id,
        },
      );
      expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(idsOf(await find(volunteer, shelterA, 'Auguste'))).toEqual([id]);
      const outsiderTry = await outsider.gql(
        'mutation($id: ID!) { renameResident(id: $id, name: "Someone Else") { id } }',
        { id },
      );
      expect(outsiderTry.errors![0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('what the database holds', () => {
    let canary: string;

    it('holds no form of a name in any table, only keyed hashes in the index', async () => {
      const result = await register(volunteer, shelterA, [adult(CANARY, { birthYear: 1999 })]);
      expect(result.errors).toBeUndefined();
      canary = result.data!.registerHousehold.members[0].id;
      // The search is what would write a name somewhere if anything did.
      expect(idsOf(await find(volunteer, shelterA, 'Sefirin'))).toEqual([canary]);

      const tables = await app.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((t) => t.table_name)).toContain('resident_name_index');
      let dump = '';
      for (const { table_name } of tables) {
        const [row] = await app.sql<{ text: string | null }>(
          `SELECT string_agg(t::text, E'\\n') AS text FROM "${table_name}" t`,
        );
        dump += `${row.text ?? ''}\n`;
      }
      expect(dump).toContain(canary);
      for (const form of CANARY_FORMS) {
        expect(dump.toLowerCase()).not.toContain(form.toLowerCase());
      }

      const rows = await indexRows(canary);
      expect(rows.map((row) => row.kind).sort()).toEqual([
        'PHONETIC',
        'PHONETIC',
        'TOKEN',
        'TOKEN',
      ]);
      expect(rows.every((row) => /^[\w-]{22}$/.test(row.hmac))).toBe(true);
    });

    it('erasure removes a person’s index rows, and the search no longer finds them', async () => {
      expect(await indexRows(ids.jeanPierre)).not.toHaveLength(0);
      const erased = await volunteer.gql('mutation($id: ID!) { eraseResident(id: $id) { id } }', {
        id: ids.jeanPierre,
      });
      // Erasure is a coordinator's act.
      expect(erased.errors![0].extensions.code).toBe('FORBIDDEN');
      const byCoordinator = await coordinator.gql(
        'mutation($id: ID!) { eraseResident(id: $id) { id } }',
        { id: ids.jeanPierre },
      );
      expect(byCoordinator.errors).toBeUndefined();
      expect(await indexRows(ids.jeanPierre)).toEqual([]);
      expect(idsOf(await find(volunteer, shelterA, 'Pierre Louis'))).toEqual([]);
    });

    it('indexes at start the residents registered before the index existed', async () => {
      await app.sql('DELETE FROM resident_name_index WHERE resident_id = $1', [ids.yesica]);
      expect(idsOf(await find(volunteer, shelterA, 'Yésica'))).not.toContain(ids.yesica);
      expect(await app.app.get(NameSearchService).backfill()).toBe(1);
      expect(idsOf(await find(volunteer, shelterA, 'Yésica de la Cruz'))[0]).toBe(ids.yesica);
      // Nothing is left to do: a second start indexes nobody (the canary has tokens).
      expect(await app.app.get(NameSearchService).backfill()).toBe(0);
    });

    it('a key rotation rebuilds every index row under the new key', async () => {
      const before = await indexRows(ids.jeanBaptiste);
      const next = parseKeyring(`${TEST_RESIDENT_KEY}\n${newKey().toString('base64')}`);
      await app.app.get(KeyRotationService).rotate(new FieldCipher(next));
      const after = await indexRows(ids.jeanBaptiste);
      expect(after).toHaveLength(before.length);
      expect(after.filter((row) => before.some((old) => old.hmac === row.hmac))).toEqual([]);
      expect(idsOf(await find(volunteer, shelterA, 'Jan Batist Dorelien'))[0]).toBe(
        ids.jeanBaptiste,
      );
      // Erased and anonymised people stay out of the rebuilt index.
      expect(await indexRows(ids.jeanPierre)).toEqual([]);
    });
  });

  it('wrote none of the names to the log', () => {
    const log = logLines.join('\n').toLowerCase();
    for (const form of [...CANARY_FORMS, 'dorelien', 'yésica', 'yesica', 'jessica']) {
      expect(log).not.toContain(form.toLowerCase());
    }
  });
});
