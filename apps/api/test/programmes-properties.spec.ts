import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { codesOf, TestApi, type GqlResponse } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** Strings a hostile or careless client sends: empty, blanks, control characters, emoji, very long, SQL-ish, date-like. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'Программа «Шаг»', "'; drop table programmes; --", 'x'.repeat(9000), '2024-02-30', '0000-00-00', '9999-12-31', '2024/2025', '2024/2026'),
);
const anyDate = fc.oneof(
  fc.constantFrom('2024-09-01', '2024-12-31', '2025-05-31', '2025-09-01', '2026-08-31'),
  anyText,
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null));
const mostly = <T>(plausible: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostile });
const anyId = fc.oneof(fc.constant('not-a-uuid'), fc.uuid(), fc.constant(randomUUID()));
const someOf = (ids: string[], max = 6) => fc.array(mostly(fc.constantFrom(...ids), anyId as fc.Arbitrary<string>), { maxLength: max });

/**
 * Whatever a curator sends to the programmes mutations, the answer is a stored row or a typed
 * refusal (VALIDATION_FAILED, CONFLICT, NOT_FOUND) with a Russian message — never an internal
 * error from Postgres — and a refused write changes nothing.
 */
describe('programmes: property-based input checks', () => {
  let api: TestApi;
  let db: TestDb;
  let school: TenantRow;
  let token: string;
  const ref: Record<string, string> = {};
  const refsOf: Record<string, string[]> = {};
  let programmeId: string;
  let draftProgrammeId: string;
  let people: string[];

  const expectHandled = (response: GqlResponse): boolean => {
    const codes = codesOf(response);
    if (codes.length === 0) return true;
    expect(codes).toHaveLength(1);
    expect(['VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND']).toContain(codes[0]);
    expect(response.errors![0].message).toMatch(/[а-яё]/i);
    expect(response.data).toBeNull();
    return false;
  };
  const gql = async <T = Record<string, { id: string }>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await api.gql<T>(token, query, variables);
    if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  };
  const tenantRows = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of ['programmes', 'mentoring_pairs', 'pair_mentees', 'personalised_programmes', 'plan_tasks', 'meetings', 'roadmaps', 'roadmap_items', 'order_documents']) {
      out[table] = (await db.owner.query(`select * from ${table} where tenant_id = $1 order by 1, 2, 3`, [school.id])).rows;
    }
    return out;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    school = (await db.newSchoolWorld()).school;
    token = tokenFor('curator', school.code);
    for (const table of ['mentoring_forms', 'role_models', 'mentoring_formats', 'mentoring_directions', 'meeting_types', 'programme_stages']) {
      const rows = (await db.owner.query<{ code: string; id: string }>(`select code, id from ${table}`)).rows;
      refsOf[table] = rows.map((r) => r.id);
      for (const row of rows) ref[row.code] = row.id;
    }
    const year = new Date().getUTCFullYear();
    const programme = await gql(
      `mutation($f: ID!, $s: String!, $e: String!) { createProgramme(input: { title: "Опорная", academicYear: "2024/2025", formId: $f, startDate: $s, endDate: $e }) { id } }`,
      { f: ref.STUDENT_STUDENT, s: `${year - 1}-09-01`, e: `${year + 1}-06-30` },
    );
    programmeId = programme.createProgramme.id;
    await gql(`mutation($id: ID!) { changeProgrammeStatus(id: $id, status: ACTIVE) { id } }`, { id: programmeId });
    draftProgrammeId = (await gql(`mutation($f: ID!) { createProgramme(input: { title: "Черновая", academicYear: "2024/2025", formId: $f }) { id } }`, { f: ref.TEACHER_TEACHER })).createProgramme.id;
    const person = async (kind: 'STUDENT' | 'TEACHER', lastName: string, age: number, grade: number | null, consent: boolean) => {
      const birth = `${year - age}-03-15`;
      const { createParticipant } = await gql(
        `mutation($k: ParticipantKind!, $n: String!, $b: String!, $g: Int) { createParticipant(input: { kind: $k, lastName: $n, firstName: "Тест", birthDate: $b, grade: $g }) { id } }`,
        { k: kind, n: lastName, b: birth, g: grade },
      );
      if (consent) {
        await gql(
          kind === 'STUDENT'
            ? `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: LEGAL_REPRESENTATIVE, representativeName: "Родителева Мария", representativeRelation: MOTHER, signedOn: "2024-09-01", purposes: [PROCESSING, PAIRING] }) { id } }`
            : `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PROCESSING, PAIRING] }) { id } }`,
          { p: createParticipant.id },
        );
      }
      return createParticipant.id;
    };
    people = [
      await person('STUDENT', 'Старший', 16, 10, true),
      await person('STUDENT', 'Выпускница', 17, 11, true),
      await person('STUDENT', 'Младший', 9, 3, true),
      await person('STUDENT', 'Средний', 12, 6, true),
      await person('STUDENT', 'Шестиклассница', 12, 6, true),
      await person('TEACHER', 'Учительница', 40, null, true),
      await person('STUDENT', 'Несогласный', 10, 4, false),
    ];
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const programmeInput = fc.record(
    {
      title: mostly(fc.constantFrom('Наставничество', 'Точка развития', 'Клуб «Шаг»'), anyText),
      academicYear: mostly(fc.constantFrom('2024/2025', '2025/2026'), anyText),
      formId: fc.constant(''),
      roleModelIds: maybe(orNull(fc.array(fc.oneof(fc.constantFrom('ACHIEVER_UNDERACHIEVER', 'EXPERIENCED_YOUNG', 'PEER_TO_PEER'), fc.uuid()), { maxLength: 4 }))),
      formatIds: maybe(orNull(fc.array(fc.oneof(fc.constantFrom('GROUP', 'VIRTUAL'), fc.uuid()), { maxLength: 3 }))),
      directionIds: maybe(orNull(fc.array(fc.oneof(fc.constantFrom('D01', 'D04', 'D11'), fc.uuid()), { maxLength: 3 }))),
      goal: maybe(orNull(anyText)),
      tasks: maybe(orNull(fc.array(anyText, { maxLength: 55 }))),
      expectedResults: maybe(orNull(fc.array(anyText, { maxLength: 5 }))),
      startDate: maybe(orNull(anyDate)),
      endDate: maybe(orNull(anyDate)),
      approvalOrderId: maybe(orNull(anyId)),
      mentorCapacity: maybe(orNull(fc.oneof(fc.integer({ min: -2, max: 40 }), fc.integer(INT32)))),
      form: fc.constantFrom('STUDENT_STUDENT', 'TEACHER_TEACHER', 'HEAD_TEACHER'),
    },
    { requiredKeys: ['title', 'academicYear', 'formId', 'form'] },
  ).map(({ form, ...input }) => {
    const codes = (ids: string[] | null | undefined) => (ids ? ids.map((c) => ref[c] ?? c) : ids);
    return { ...input, formId: ref[form], roleModelIds: codes(input.roleModelIds), formatIds: codes(input.formatIds), directionIds: codes(input.directionIds) };
  });

  it('createProgramme and updateProgramme: no input produces an internal error; a refused update changes nothing', async () => {
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(programmeInput, fc.boolean(), async (input, asUpdate) => {
        if (asUpdate) {
          const before = await tenantRows();
          const { formId: _ignored, ...changes } = input;
          const response = await api.gql(token, `mutation($id: ID!, $i: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $i) { id } }`, { id: draftProgrammeId, i: changes });
          if (!expectHandled(response)) expect(await tenantRows()).toEqual(before);
          return;
        }
        const response = await api.gql<{ createProgramme: { id: string } }>(token, `mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }`, { i: input });
        if (expectHandled(response)) {
          stored += 1;
          await gql(`mutation($id: ID!) { deleteProgramme(id: $id) { id } }`, { id: response.data!.createProgramme.id });
        } else refused += 1;
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('createMentoringPair and changeMentoringPairStatus: every refusal is typed, and the lifecycle never leaves a pair in an illegal state', async () => {
    const pairInput = fc.record({
      mentorId: mostly(fc.constantFrom(...people.slice(0, 2)), fc.oneof(fc.constantFrom(...people), anyId as fc.Arbitrary<string>)),
      menteeIds: mostly(fc.subarray(people.slice(2, 5), { minLength: 1, maxLength: 3 }), someOf(people, 35)),
      roleModelId: maybe(orNull(fc.constantFrom(ref.ACHIEVER_UNDERACHIEVER, ref.PEER_TO_PEER, ref.EXPERIENCED_YOUNG, randomUUID()))),
      directionId: maybe(orNull(fc.constantFrom(ref.D04, ref.D07, randomUUID()))),
      formationMethod: maybe(orNull(fc.constantFrom('CURATOR', 'QUESTIONNAIRE', 'GROUP_MEETING', 'SUGGESTION'))),
      fixingOrderId: maybe(orNull(anyId)),
    });
    const moves = fc.array(
      fc.record({
        status: fc.constantFrom('DRAFT', 'ACTIVE', 'COMPLETED', 'ENDED_EARLY'),
        date: maybe(orNull(anyDate)),
        endReason: maybe(orNull(fc.constantFrom('PARTICIPANT_INITIATIVE', 'MUTUAL_DECISION', 'CURATOR_INITIATIVE', 'MENTOR_REPLACEMENT', 'OTHER'))),
        comment: maybe(orNull(anyText)),
        result: maybe(orNull(anyText)),
      }),
      { maxLength: 4 },
    );
    let created = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(pairInput, moves, async (input, steps) => {
        const response = await api.gql<{ createMentoringPair: { id: string } }>(token, `mutation($i: CreateMentoringPairInput!) { createMentoringPair(input: $i) { id } }`, {
          i: { ...input, programmeId },
        });
        if (!expectHandled(response)) {
          refused += 1;
          return;
        }
        created += 1;
        const id = response.data!.createMentoringPair.id;
        for (const step of steps) {
          const before = (await db.owner.query(`select * from mentoring_pairs where id = $1`, [id])).rows[0];
          const moved = await api.gql(token, `mutation($id: ID!, $i: ChangePairStatusInput!) { changeMentoringPairStatus(id: $id, input: $i) { id status } }`, { id, i: step });
          if (!expectHandled(moved)) expect((await db.owner.query(`select * from mentoring_pairs where id = $1`, [id])).rows[0]).toEqual(before);
        }
        const { status, start_date: start } = (await db.owner.query(`select status, start_date::text as start_date from mentoring_pairs where id = $1`, [id])).rows[0];
        // Free the mentees for the next run: drafts are deleted, active pairs ended — on their start
        // day, which a generated start may put after today (an end before the start is refused).
        if (status === 'draft') await gql(`mutation($id: ID!) { deleteMentoringPair(id: $id) { id } }`, { id });
        if (status === 'active') await gql(`mutation($id: ID!, $d: String) { changeMentoringPairStatus(id: $id, input: { status: ENDED_EARLY, endReason: MUTUAL_DECISION, date: $d }) { id } }`, { id, d: start });
      }),
      { numRuns: 120 },
    );
    expect(created).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('personalised programmes, plan tasks, meetings, roadmaps and orders: no input produces an internal error', async () => {
    const year = new Date().getUTCFullYear();
    const pair = (await gql(`mutation($p: ID!, $m: ID!, $e: ID!, $r: ID!, $d: ID!) { createMentoringPair(input: { programmeId: $p, mentorId: $m, menteeIds: [$e], roleModelId: $r, directionId: $d }) { id } }`, {
      p: programmeId, m: people[0], e: people[3], r: ref.ACHIEVER_UNDERACHIEVER, d: ref.D04,
    })).createMentoringPair.id;
    await gql(`mutation($id: ID!, $d: String!) { changeMentoringPairStatus(id: $id, input: { status: ACTIVE, date: $d }) { id } }`, { id: pair, d: `${year - 1}-10-01` });
    const plan = (await gql(`mutation($p: ID!) { createPersonalisedProgramme(input: { pairId: $p, title: "План" }) { id } }`, { p: pair })).createPersonalisedProgramme.id;
    const roadmap = (await gql(`mutation { createRoadmap(input: { title: "Карта", academicYear: "2024/2025" }) { id } }`)).createRoadmap.id;
    const inputs = fc.record({
      plan: fc.record({ title: maybe(anyText), startDate: maybe(orNull(anyDate)), endDate: maybe(orNull(anyDate)), formatIds: maybe(orNull(someOf(refsOf.mentoring_formats, 25))), goal: maybe(orNull(anyText)), status: maybe(orNull(fc.constantFrom('DRAFT', 'ACTIVE', 'COMPLETED'))) }),
      task: fc.record({ title: anyText, deadline: maybe(orNull(anyDate)), status: maybe(orNull(fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'))), position: maybe(orNull(fc.integer(INT32))), result: maybe(orNull(anyText)), completedOn: maybe(orNull(anyDate)) }),
      meeting: fc.record({
        meetingTypeId: fc.oneof(fc.constantFrom(...refsOf.meeting_types), fc.uuid()), heldOn: fc.oneof(fc.constant(`${year - 1}-11-15`), anyDate), directionId: maybe(orNull(fc.oneof(fc.constantFrom(...refsOf.mentoring_directions), fc.uuid()))),
        durationMinutes: maybe(orNull(fc.integer(INT32))), topic: maybe(orNull(anyText)), attendeeIds: maybe(orNull(someOf(people))), withProgramme: fc.boolean(),
      }),
      item: fc.record({
        number: mostly(fc.constantFrom('1', '3.4', 'пос. 38'), anyText), activity: anyText, stageId: maybe(orNull(fc.oneof(fc.constantFrom(...refsOf.programme_stages), fc.uuid()))),
        content: maybe(orNull(fc.array(anyText, { maxLength: 60 }))), scheduleText: maybe(orNull(anyText)), plannedStart: maybe(orNull(anyDate)), plannedEnd: maybe(orNull(anyDate)),
        status: maybe(orNull(fc.constantFrom('PLANNED', 'IN_PROGRESS', 'DONE', 'NOT_DONE'))), executionResult: maybe(orNull(anyText)), executedOn: maybe(orNull(anyDate)),
      }),
      order: fc.record({ kind: fc.constantFrom('ORDER', 'DIRECTIVE', 'PROTOCOL'), number: anyText, issuedOn: anyDate, title: anyText, issuer: maybe(orNull(anyText)) }),
    });
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(inputs, async ({ plan: planChanges, task, meeting, item, order }) => {
        const before = await tenantRows();
        const updated = await api.gql(token, `mutation($id: ID!, $i: UpdatePersonalisedProgrammeInput!) { updatePersonalisedProgramme(id: $id, input: $i) { id } }`, { id: plan, i: planChanges });
        if (!expectHandled(updated)) expect(await tenantRows()).toEqual(before);
        const { withProgramme, ...meetingInput } = meeting;
        const results = [
          await api.gql(token, `mutation($i: CreatePlanTaskInput!) { createPlanTask(input: $i) { id } }`, { i: { ...task, personalisedProgrammeId: plan } }),
          await api.gql(token, `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { id } }`, { i: { ...meetingInput, ...(withProgramme ? { programmeId } : { pairId: pair }) } }),
          await api.gql(token, `mutation($i: CreateRoadmapItemInput!) { createRoadmapItem(input: $i) { id } }`, { i: { ...item, roadmapId: roadmap } }),
          await api.gql(token, `mutation($i: CreateOrderDocumentInput!) { createOrderDocument(input: $i) { id } }`, { i: order }),
        ];
        for (const response of results) if (expectHandled(response)) stored += 1;
      }),
      { numRuns: 120 },
    );
    expect(stored).toBeGreaterThan(0);
  });
});
