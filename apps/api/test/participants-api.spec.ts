import { DataSource, type QueryRunner } from 'typeorm';
import { todayIso } from '@nastavnik/platform/calendar';
import { codesOf, TestApi, type GqlResponse } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

const FIELDS = 'id kind lastName firstName middleName fullName birthDate age grade classLetter teachingExperienceYears subjects interests directions requests hasValidConsent';

function isoYearsAgo(years: number, days = 0): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The curator's everyday work through the API: participants, base entries, consents, with Russian validation. */
describe('participants: curator CRUD, bases and consents through GraphQL', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let token: string;

  const gql = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> => api.gql<T>(token, query, variables);
  const create = (input: Record<string, unknown>) =>
    gql<{ createParticipant: Record<string, unknown> & { id: string } }>(`mutation($i: CreateParticipantInput!) { createParticipant(input: $i) { ${FIELDS} } }`, { i: input });
  const messageOf = (response: GqlResponse) => response.errors?.[0]?.message ?? '';

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
    token = tokenFor('curator', school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('creates, reads, filters, updates and deletes a participant', async () => {
    const created = await create({
      kind: 'STUDENT', lastName: '  Ёлкина ', firstName: 'Мария', middleName: 'Петровна', birthDate: isoYearsAgo(13, 10),
      grade: 7, classLetter: 'б', interests: ['SPORT', 'CREATIVE', 'SPORT'], directions: ['D07', 'D04'], requests: ['Адаптация в классе'],
    });
    expect(created.errors).toBeUndefined();
    const p = created.data!.createParticipant;
    expect(p).toMatchObject({ lastName: 'Ёлкина', fullName: 'Ёлкина Мария Петровна', age: 13, grade: 7, interests: ['SPORT', 'CREATIVE'], directions: ['D04', 'D07'], hasValidConsent: false });

    const found = await gql<{ allParticipants: { id: string }[]; _allParticipantsMeta: { count: number } }>(
      `query($f: ParticipantFilter) { allParticipants(filter: $f) { id } _allParticipantsMeta(filter: $f) { count } }`,
      { f: { q: 'елкина мар', kind: 'STUDENT', grade: 7, direction: 'D07', hasValidConsent: false } },
    );
    expect(found.data!.allParticipants.map((r) => r.id)).toEqual([p.id]);
    expect(found.data!._allParticipantsMeta.count).toBe(1);

    const updated = await gql<{ updateParticipant: Record<string, unknown> }>(`mutation($id: ID!) { updateParticipant(id: $id, input: { grade: 8, middleName: null }) { ${FIELDS} } }`, { id: p.id });
    expect(updated.data!.updateParticipant).toMatchObject({ grade: 8, middleName: null, classLetter: 'б' });

    // A required field cannot be cleared: an explicit null there is the same as leaving it out (issue 11).
    const cleared = await gql<{ updateParticipant: { lastName: string } }>(`mutation($id: ID!) { updateParticipant(id: $id, input: { lastName: null }) { lastName } }`, { id: p.id });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateParticipant.lastName).toBe('Ёлкина');

    const deleted = await gql(`mutation($id: ID!) { deleteParticipant(id: $id) { id } }`, { id: p.id });
    expect(deleted.errors).toBeUndefined();
    expect(codesOf(await gql(`query($id: ID!) { Participant(id: $id) { id } }`, { id: p.id }))).toEqual(['NOT_FOUND']);
  });

  it.each([
    [{ kind: 'TEACHER', lastName: '', firstName: 'Иван' }, 'Фамилия'],
    [{ kind: 'TEACHER', lastName: 'Иванов1', firstName: 'Иван' }, 'Фамилия: только буквы'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', birthDate: '2030-01-01' }, 'в будущем'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', birthDate: '2023-02-30' }, 'несуществующая'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', birthDate: '1890-01-01' }, 'неправдоподобна'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', birthDate: '12.03.1990' }, 'ГГГГ-ММ-ДД'],
    [{ kind: 'STUDENT', lastName: 'Иванов', firstName: 'Иван', grade: 12 }, 'Класс — от 1 до 11'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', grade: 5 }, 'только для обучающихся'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', teachingExperienceYears: 61 }, 'от 0 до 60'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', teachingExperienceYears: 20, birthDate: isoYearsAgo(25) }, 'невозможен в возрасте'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', email: 'не почта' }, 'электронной почты'],
    [{ kind: 'TEACHER', lastName: 'Иванов', firstName: 'Иван', notes: 'a\u0000b' }, 'управляющих символов'],
  ])('refuses %j with a Russian reason (%s)', async (input, reason) => {
    const response = await create(input);
    expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    expect(messageOf(response)).toContain(reason);
  });

  it('refuses a second person with the same full name and birth date (CONFLICT), «ё» and case ignored', async () => {
    const first = await create({ kind: 'TEACHER', lastName: 'Семёнов', firstName: 'Олег', birthDate: '1980-05-05' });
    expect(first.errors).toBeUndefined();
    const twin = await create({ kind: 'TEACHER', lastName: 'СЕМЕНОВ', firstName: 'олег', birthDate: '1980-05-05' });
    expect(codesOf(twin)).toEqual(['CONFLICT']);
    expect(messageOf(twin)).toContain('уже есть');
    const namesake = await create({ kind: 'TEACHER', lastName: 'Семёнов', firstName: 'Олег', birthDate: '1981-05-05' });
    expect(namesake.errors).toBeUndefined();
  });

  it('keeps base entries: both bases for one person, status dates stamped, mentor-only fields refused for mentees', async () => {
    const p = (await create({ kind: 'TEACHER', lastName: 'Базова', firstName: 'Ирина', birthDate: '1975-01-01' })).data!.createParticipant;
    const mentor = await gql<{ createParticipantBaseEntry: { id: string; status: string; selectedOn: string; maxMentees: number } }>(
      `mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTOR, status: SELECTED, maxMentees: 3, competencies: "ИКТ" }) { id status selectedOn maxMentees } }`,
      { p: p.id },
    );
    expect(mentor.errors).toBeUndefined();
    expect(mentor.data!.createParticipantBaseEntry.selectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mentee = await gql<{ createParticipantBaseEntry: { id: string } }>(
      `mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTEE, request: "Цифровые навыки", categories: [DIGITAL_SKILLS] }) { id } }`,
      { p: p.id },
    );
    expect(mentee.errors).toBeUndefined();
    const again = await gql(`mutation($p: ID!) { createParticipantBaseEntry(input: { participantId: $p, base: MENTOR }) { id } }`, { p: p.id });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    const menteeId = mentee.data!.createParticipantBaseEntry.id;
    for (const input of ['{ status: TRAINED }', '{ maxMentees: 2 }', '{ councilMember: true }', '{ trainingForm: DISTANCE }']) {
      const refused = await gql(`mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: ${input}) { id } }`, { id: menteeId });
      expect(codesOf(refused)).toEqual(['VALIDATION_FAILED']);
      expect(messageOf(refused)).toMatch(/только (для )?наставник|только наставники/);
    }

    const id = mentor.data!.createParticipantBaseEntry.id;
    const noReason = await gql(`mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: { status: WITHDRAWN }) { id } }`, { id });
    expect(messageOf(noReason)).toContain('причину выбытия');
    const withdrawn = await gql<{ updateParticipantBaseEntry: { withdrawnOn: string | null } }>(
      `mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: { status: WITHDRAWN, withdrawalReason: "Переезд" }) { withdrawnOn } }`,
      { id },
    );
    expect(withdrawn.data!.updateParticipantBaseEntry.withdrawnOn).toMatch(/^\d{4}-/);
    const back = await gql<{ updateParticipantBaseEntry: { withdrawnOn: string | null; status: string } }>(
      `mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: { status: SELECTED }) { status withdrawnOn } }`,
      { id },
    );
    expect(back.data!.updateParticipantBaseEntry).toEqual({ status: 'SELECTED', withdrawnOn: null });
    const future = await gql(`mutation($id: ID!) { updateParticipantBaseEntry(id: $id, input: { surveyedOn: "2999-01-01" }) { id } }`, { id });
    expect(messageOf(future)).toContain('в будущем');

    const inBase = await gql<{ allParticipants: { id: string }[] }>(`{ allParticipants(filter: { base: MENTEE }) { id } }`);
    expect(inBase.data!.allParticipants.map((r) => r.id)).toContain(p.id);
  });

  it('records, filters and revokes consents; a minor\'s consent needs a legal representative', async () => {
    const minor = (await create({ kind: 'STUDENT', lastName: 'Малышев', firstName: 'Коля', birthDate: isoYearsAgo(12), grade: 6 })).data!.createParticipant;
    const signedOn = isoYearsAgo(0, 5);
    const self = await gql(`mutation($p: ID!, $d: String!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: $d, purposes: [PAIRING] }) { id } }`, { p: minor.id, d: signedOn });
    expect(codesOf(self)).toEqual(['VALIDATION_FAILED']);
    expect(messageOf(self)).toContain('законный представитель');
    const noName = await gql(`mutation($p: ID!, $d: String!) { createConsent(input: { participantId: $p, signedBy: LEGAL_REPRESENTATIVE, signedOn: $d, purposes: [PAIRING] }) { id } }`, { p: minor.id, d: signedOn });
    expect(messageOf(noName)).toContain('ФИО законного представителя');

    const ok = await gql<{ createConsent: { id: string; purposes: string[] } }>(
      `mutation($p: ID!, $d: String!) { createConsent(input: { participantId: $p, signedBy: LEGAL_REPRESENTATIVE, representativeName: "Малышева Ольга Ивановна", representativeRelation: MOTHER, signedOn: $d, purposes: [PAIRING, QUESTIONNAIRES] }) { id purposes } }`,
      { p: minor.id, d: signedOn },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createConsent.purposes).toEqual(['PROCESSING', 'PAIRING', 'QUESTIONNAIRES']);
    const withConsent = await gql<{ Participant: { hasValidConsent: boolean; consents: { id: string }[] }; allParticipants: { id: string; hasValidConsent: boolean }[] }>(
      `query($id: ID!) { Participant(id: $id) { hasValidConsent consents { id } } allParticipants(filter: { ids: [$id] }) { id hasValidConsent } }`,
      { id: minor.id },
    );
    expect(withConsent.data!.Participant).toEqual({ hasValidConsent: true, consents: [{ id: ok.data!.createConsent.id }] });
    // The list computes the flag in its page's own statement: the same answer as the card's.
    expect(withConsent.data!.allParticipants).toEqual([{ id: minor.id, hasValidConsent: true }]);

    const consentId = ok.data!.createConsent.id;
    const revoked = await gql<{ revokeConsent: { revokedOn: string; revocationReason: string } }>(`mutation($id: ID!) { revokeConsent(id: $id, reason: "Заявление матери") { revokedOn revocationReason } }`, { id: consentId });
    expect(revoked.data!.revokeConsent.revocationReason).toBe('Заявление матери');
    expect(codesOf(await gql(`mutation($id: ID!) { revokeConsent(id: $id, reason: "Ещё раз") { id } }`, { id: consentId }))).toEqual(['CONFLICT']);
    expect(codesOf(await gql(`mutation($id: ID!) { updateConsent(id: $id, input: { purposes: [PAIRING] }) { id } }`, { id: consentId }))).toEqual(['CONFLICT']);
    expect(codesOf(await gql(`mutation($id: ID!) { revokeConsent(id: $id, reason: "") { id } }`, { id: consentId }))).toEqual(['VALIDATION_FAILED']);

    const after = await gql<{ Participant: { hasValidConsent: boolean }; allConsents: { id: string }[]; allParticipants: { id: string; hasValidConsent: boolean }[] }>(
      `query($id: ID!) { Participant(id: $id) { hasValidConsent } allConsents(filter: { participantId: $id, inForce: true }) { id } allParticipants(filter: { ids: [$id] }) { id hasValidConsent } }`,
      { id: minor.id },
    );
    expect(after.data).toEqual({ Participant: { hasValidConsent: false }, allConsents: [], allParticipants: [{ id: minor.id, hasValidConsent: false }] });
  });
  it('a page of participants with their base entries and consents: each gets its own rows, in a few statements, not two per row', async () => {
    const { rows: people } = await db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, position)
       select $1, 'teacher', 'Пакетов', 'Номер ' || g, date '1980-01-01' + g, 'учитель' from generate_series(1, 12) g returning id`,
      [school.id],
    );
    for (const [i, person] of people.entries()) {
      if (i % 3 !== 2) await db.owner.query(`insert into participant_base_entries (tenant_id, participant_id, base) values ($1, $2, 'mentor')`, [school.id, person.id]);
      if (i % 2 === 0) await db.owner.query(`insert into participant_base_entries (tenant_id, participant_id, base) values ($1, $2, 'mentee')`, [school.id, person.id]);
      for (let c = 0; c < i % 3; c += 1) {
        await db.owner.query(`insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', current_date - $3::int, '{processing}')`, [school.id, person.id, 10 + c]);
      }
    }
    // Count the statements of the operation's transaction (observing the real connection, not replacing it).
    const dataSource = api.app.get(DataSource);
    const original = dataSource.createQueryRunner.bind(dataSource);
    let statements = 0;
    dataSource.createQueryRunner = ((...args: Parameters<DataSource['createQueryRunner']>) => {
      const runner: QueryRunner = original(...args);
      const query = runner.query.bind(runner);
      runner.query = ((...queryArgs: Parameters<QueryRunner['query']>) => {
        statements += 1;
        return query(...queryArgs);
      }) as QueryRunner['query'];
      return runner;
    }) as DataSource['createQueryRunner'];
    let listed: GqlResponse<{ allParticipants: { id: string; baseEntries: { base: string }[]; consents: { id: string }[] }[]; _allParticipantsMeta: { count: number } }>;
    try {
      listed = await gql(`{ allParticipants(perPage: 50, filter: { q: "пакетов" }) { id baseEntries { base } consents { id } } _allParticipantsMeta(filter: { q: "пакетов" }) { count } }`);
    } finally {
      dataSource.createQueryRunner = original;
    }
    expect(listed.errors).toBeUndefined();
    expect(listed.data!._allParticipantsMeta).toEqual({ count: 12 });
    const got = listed.data!.allParticipants;
    expect(got).toHaveLength(12);
    for (const row of got) {
      const bases = (await db.owner.query<{ base: string }>(`select upper(base) as base from participant_base_entries where participant_id = $1 order by base`, [row.id])).rows.map((r) => r.base);
      const consents = (await db.owner.query<{ id: string }>(`select id from consents where participant_id = $1 order by signed_on desc, id`, [row.id])).rows.map((r) => r.id);
      expect({ id: row.id, bases: row.baseEntries.map((e) => e.base), consents: row.consents.map((c) => c.id) }).toEqual({ id: row.id, bases, consents });
    }
    // The scope with BEGIN, the page (its consent flag and the filter's count in the same
    // statement), one query per nested field, the journal with the COMMIT — not 12 × 2.
    expect(statements).toBe(5);
    // The count without the list, beside another filter's list, and beside a page past the end
    // (no row to carry the count) counts on its own, and right.
    const counts = await gql<{ a: { count: number }; b: { count: number }; c: { count: number }; past: unknown[]; other: unknown[] }>(
      `{ a: _allParticipantsMeta(filter: { q: "пакетов" }) { count }
         other: allParticipants(perPage: 5, filter: { q: "нет такого" }) { id } b: _allParticipantsMeta(filter: { q: "пакетов" }) { count }
         past: allParticipants(page: 3, perPage: 5, filter: { q: "пакетов" }) { id } c: _allParticipantsMeta(filter: { q: "пакетов" }) { count } }`,
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data).toEqual({ a: { count: 12 }, other: [], b: { count: 12 }, past: [], c: { count: 12 } });
  });
  it("today in the region's calendar is today for the API and the database, at any hour of the server's clock", async () => {
    const created = await create({ kind: 'TEACHER', lastName: 'Сегодняшний', firstName: 'Пётр', birthDate: isoYearsAgo(40) });
    const today = todayIso();
    const participantId = created.data!.createParticipant.id;
    const consent = await gql<{ createConsent: { id: string; signedOn: string } }>(
      `mutation($i: CreateConsentInput!) { createConsent(input: $i) { id signedOn } }`,
      { i: { participantId, signedBy: 'SELF', signedOn: today, purposes: ['PROCESSING'] } },
    );
    expect(consent.errors).toBeUndefined();
    expect(consent.data!.createConsent.signedOn).toBe(today);
    // In force from today: the database's current_date in the operation's transaction is the region's day too.
    const inForce = await gql<{ allConsents: { id: string }[] }>(`query($p: ID!) { allConsents(filter: { participantId: $p, inForce: true }) { id } }`, { p: participantId });
    expect(inForce.data!.allConsents).toEqual([{ id: consent.data!.createConsent.id }]);
  });
});
