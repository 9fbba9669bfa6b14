import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };
type Owned = { participant: { id: string; lastName: string }; entryId: string; consentId: string };

const TINY_CSV = Buffer.from('Фамилия;Имя;Категория\nЧужой;Пётр;педагог\n').toString('base64');

/**
 * Personal data never crosses a school: a curator of school A sends school B's ids to every
 * participants query and mutation and gets nothing; B's rows are compared through the owner role
 * before and after. Region analysts and ministry officials are refused outright.
 */
describe('participants: isolation between schools, no personal data for regional roles', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let mine: Owned;
  let theirs: Owned;
  let curatorA: string;

  /** A teacher in the mentor base with a consent, entered by the school's own curator through the API. */
  const own = async (school: TenantRow, lastName: string): Promise<Owned> => {
    const token = tokenFor('curator', school.code);
    const created = await api.gql<{ createParticipant: { id: string; lastName: string } }>(
      token,
      `mutation($n: String!) { createParticipant(input: { kind: TEACHER, lastName: $n, firstName: "Анна", birthDate: "1985-04-12" }) { id lastName } }`,
      { n: lastName },
    );
    const participant = created.data!.createParticipant;
    const entry = await api.gql<{ createParticipantBaseEntry: { id: string } }>(
      token,
      `mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTOR, status: SELECTED }) { id } }`,
      { p: participant.id },
    );
    const consent = await api.gql<{ createConsent: { id: string } }>(
      token,
      `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PAIRING, QUESTIONNAIRES] }) { id } }`,
      { p: participant.id },
    );
    return { participant, entryId: entry.data!.createParticipantBaseEntry.id, consentId: consent.data!.createConsent.id };
  };
  const snapshot = async (tenantId: string) => {
    const q = (table: string) => db.owner.query(`select * from ${table} where tenant_id = $1 order by id`, [tenantId]).then((r) => r.rows);
    return { participants: await q('participants'), entries: await q('participant_base_entries'), consents: await q('consents') };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    mine = await own(a.school, 'Своя');
    theirs = await own(b.school, 'Чужая');
    curatorA = tokenFor('curator', a.school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const reads = (o: Owned): [string, Record<string, unknown>][] => [
    [`query($id: ID!) { Participant(id: $id) { id lastName } }`, { id: o.participant.id }],
    [`query($id: ID!) { ParticipantBaseEntry(id: $id) { id } }`, { id: o.entryId }],
    [`query($id: ID!) { Consent(id: $id) { id } }`, { id: o.consentId }],
  ];
  const writes = (o: Owned, tenantId: string): [string, Record<string, unknown>][] => [
    [`mutation($id: ID!) { updateParticipant(id: $id, input: { lastName: "Взломано" }) { id } }`, { id: o.participant.id }],
    [`mutation($id: ID!) { deleteParticipant(id: $id) { id } }`, { id: o.participant.id }],
    [`mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTEE }) { id } }`, { p: o.participant.id }],
    [`mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: { status: WITHDRAWN, withdrawalReason: "Взлом" }) { id } }`, { id: o.entryId }],
    [`mutation($id: ID!) { deleteParticipantBaseEntry(id: $id) { id } }`, { id: o.entryId }],
    [`mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-01-10", purposes: [PAIRING] }) { id } }`, { p: o.participant.id }],
    [`mutation($id: ID!) { updateConsent(id: $id, input: { purposes: [PROCESSING] }) { id } }`, { id: o.consentId }],
    [`mutation($id: ID!) { revokeConsent(id: $id, reason: "Взлом") { id } }`, { id: o.consentId }],
    [`mutation($id: ID!) { deleteConsent(id: $id) { id } }`, { id: o.consentId }],
    [`mutation($t: ID!) { createParticipant(input: { tenantId: $t, kind: TEACHER, lastName: "Чужой", firstName: "Пётр" }) { id } }`, { t: tenantId }],
    [`mutation($t: ID!, $f: String!) { importParticipants(tenantId: $t, file: $f, format: CSV, dryRun: false) { created } }`, { t: tenantId, f: TINY_CSV }],
  ];

  describe('a curator of school A', () => {
    it('reads their own participant, entry and consent', async () => {
      for (const [query, variables] of reads(mine)) {
        const response = await api.gql(curatorA, query, variables);
        expect(response.errors).toBeUndefined();
      }
    });

    it('gets NOT_FOUND for each of school B\'s records', async () => {
      for (const [query, variables] of reads(theirs)) {
        const response = await api.gql(curatorA, query, variables);
        expect(codesOf(response)).toEqual(['NOT_FOUND']);
        expect(response.data).toBeNull();
      }
    });

    it('lists only their own school, whatever the filter says', async () => {
      const lists: [string, string, Record<string, unknown>[]][] = [
        ['allParticipants', 'ParticipantFilter', [{}, { ids: [theirs.participant.id] }, { q: theirs.participant.lastName }, { base: 'MENTOR' }, { hasValidConsent: true }, { kind: 'TEACHER' }]],
        ['allParticipantBaseEntries', 'BaseEntryFilter', [{}, { ids: [theirs.entryId] }, { participantId: theirs.participant.id }, { base: 'MENTOR' }]],
        ['allConsents', 'ConsentFilter', [{}, { ids: [theirs.consentId] }, { participantId: theirs.participant.id }, { inForce: true }]],
      ];
      const theirIds = new Set([theirs.participant.id, theirs.entryId, theirs.consentId]);
      const ownIds = { allParticipants: mine.participant.id, allParticipantBaseEntries: mine.entryId, allConsents: mine.consentId };
      for (const [list, filterType, filters] of lists) {
        for (const filter of filters) {
          const response = await api.gql<Record<string, { id: string }[] & { count: number }>>(
            curatorA,
            `query($filter: ${filterType}) { ${list}(filter: $filter, perPage: 500) { id } _${list}Meta(filter: $filter) { count } }`,
            { filter },
          );
          expect(response.errors).toBeUndefined();
          const ids = (response.data![list] as { id: string }[]).map((r) => r.id);
          expect(ids.some((id) => theirIds.has(id))).toBe(false);
          if (Object.keys(filter).length === 0) expect(ids).toContain(ownIds[list as keyof typeof ownIds]);
          expect((response.data![`_${list}Meta`] as unknown as { count: number }).count).toBe(ids.length);
        }
      }
    });

    it('cannot change anything of school B through any mutation, and nothing changes', async () => {
      const before = await snapshot(b.school.id);
      for (const [mutation, variables] of writes(theirs, b.school.id)) {
        const response = await api.gql(curatorA, mutation, variables);
        expect(response.data).toBeNull();
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codesOf(response)[0]);
      }
      expect(await snapshot(b.school.id)).toEqual(before);
    });

    it('cannot reach school B through another school\'s ids inside a list either (eligibility check)', async () => {
      const response = await api.gql<{ allParticipants: { id: string }[] }>(curatorA, `query($ids: [ID!]) { allParticipants(filter: { ids: $ids }) { id } }`, {
        ids: [mine.participant.id, theirs.participant.id],
      });
      expect(response.data!.allParticipants.map((p) => p.id)).toEqual([mine.participant.id]);
    });
  });

  describe.each([
    ['region-analyst', (): string | null => a.region.code],
    ['ministry-official', (): string | null => a.region.code],
    ['ministry-official', (): string | null => null],
  ] as const)('a %s', (role, code) => {
    it('gets FORBIDDEN for every participants query and mutation, and nothing changes', async () => {
      const token = tokenFor(role, code());
      const before = await snapshot(a.school.id);
      const lists = ['allParticipants', '_allParticipantsMeta', 'allParticipantBaseEntries', '_allParticipantBaseEntriesMeta', 'allConsents', '_allConsentsMeta'];
      for (const list of lists) {
        const response = await api.gql(token, `{ ${list} { ${list.startsWith('_') ? 'count' : 'id'} } }`);
        expect(codesOf(response)).toEqual(['FORBIDDEN']);
      }
      for (const [query, variables] of [...reads(mine), ...writes(mine, a.school.id)]) {
        const response = await api.gql(token, query, variables);
        expect(codesOf(response)).toEqual(['FORBIDDEN']);
        expect(response.data).toBeNull();
      }
      expect(await snapshot(a.school.id)).toEqual(before);
    });
  });

  describe('a platform admin', () => {
    const admin = () => tokenFor('platform-admin', null);

    it('sees both schools\' participants', async () => {
      const response = await api.gql<{ allParticipants: { id: string }[] }>(admin(), `query($ids: [ID!]) { allParticipants(filter: { ids: $ids }) { id } }`, {
        ids: [mine.participant.id, theirs.participant.id],
      });
      expect(response.data!.allParticipants.map((p) => p.id).sort()).toEqual([mine.participant.id, theirs.participant.id].sort());
    });

    it('creates a participant only in a named organisation', async () => {
      const create = `mutation($t: ID) { createParticipant(input: { tenantId: $t, kind: TEACHER, lastName: "Админов", firstName: "Павел" }) { id } }`;
      expect(codesOf(await api.gql(admin(), create, { t: null }))).toEqual(['VALIDATION_FAILED']);
      expect(codesOf(await api.gql(admin(), create, { t: a.region.id }))).toEqual(['VALIDATION_FAILED']);
      const response = await api.gql<{ createParticipant: { id: string } }>(admin(), create, { t: b.school.id });
      expect(response.errors).toBeUndefined();
      const row = await db.owner.query(`select tenant_id from participants where id = $1`, [response.data!.createParticipant.id]);
      expect(row.rows[0].tenant_id).toBe(b.school.id);
    });
  });
});
