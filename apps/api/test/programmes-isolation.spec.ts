import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';

type World = { region: TenantRow; municipality: TenantRow; school: TenantRow };
type Records = {
  order: string; programme: string; roadmap: string; item: string; pair: string; plan: string; task: string; meeting: string; suggestion: string;
  mentor: string; mentee: string;
};

const TABLES = ['order_documents', 'programmes', 'roadmaps', 'roadmap_items', 'mentoring_pairs', 'pair_mentees', 'match_suggestions', 'personalised_programmes', 'plan_tasks', 'meetings'];

function isoDay(offsetDays: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

/**
 * The product's promise for the programmes lib: a curator of school A sends school B's ids to every
 * programmes query and mutation and gets nothing; both schools' rows are compared through the
 * owner role before and after. Region analysts and ministry officials get FORBIDDEN on every
 * record of a school (they read only the reference data) — but a region analyst reads the
 * roadmaps of its region's schools (issue 13), never writing them.
 */
describe('programmes: isolation between schools, nothing for regional roles', () => {
  let api: TestApi;
  let db: TestDb;
  let a: World;
  let b: World;
  let mine: Records;
  let theirs: Records;
  let curatorA: string;
  const ref: Record<string, string> = {};

  const snapshot = async (tenantId: string) => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = (await db.owner.query(`select * from ${table} where tenant_id = $1 order by 1, 2, 3`, [tenantId])).rows;
    return out;
  };

  /** A school's programme world, entered by its own curator through the API (participants through the participants API). */
  const build = async (school: TenantRow, tag: string): Promise<Records> => {
    const token = tokenFor('curator', school.code);
    const gql = async <T = Record<string, { id: string }>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await api.gql<T>(token, query, variables);
      if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    };
    const person = async (lastName: string, base: 'MENTOR' | 'MENTEE') => {
      const { createParticipant } = await gql(`mutation($n: String!) { createParticipant(input: { kind: TEACHER, lastName: $n, firstName: "Анна", birthDate: "1985-04-12" }) { id } }`, { n: `${lastName}${tag}` });
      await gql(`mutation($p: ID!, $b: BaseKind!) { createParticipantBaseEntry(input: { participantId: $p, base: $b, status: SELECTED }) { id } }`, { p: createParticipant.id, b: base });
      await gql(`mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PROCESSING, PAIRING] }) { id } }`, { p: createParticipant.id });
      return createParticipant.id;
    };
    const order = (await gql(`mutation { createOrderDocument(input: { kind: ORDER, number: "05-ОД", issuedOn: "2023-01-10", title: "О реализации целевой модели наставничества" }) { id } }`)).createOrderDocument.id;
    const programme = (await gql(
      `mutation($f: ID!, $o: ID!, $s: String!, $e: String!) { createProgramme(input: { title: "Учитель – учитель", academicYear: "2024/2025", formId: $f, approvalOrderId: $o, startDate: $s, endDate: $e }) { id } }`,
      { f: ref.TEACHER_TEACHER, o: order, s: isoDay(-60), e: isoDay(200) },
    )).createProgramme.id;
    await gql(`mutation($id: ID!) { changeProgrammeStatus(id: $id, status: ACTIVE) { id } }`, { id: programme });
    const mentor = await person('Наставникова', 'MENTOR');
    const mentee = await person('Молодая', 'MENTEE');
    await person('Запасной', 'MENTOR');
    await person('Ожидающая', 'MENTEE');
    const pair = (await gql(
      `mutation($p: ID!, $m: ID!, $e: ID!, $r: ID!, $d: ID!, $o: ID!) { createMentoringPair(input: { programmeId: $p, mentorId: $m, menteeIds: [$e], roleModelId: $r, directionId: $d, fixingOrderId: $o }) { id } }`,
      { p: programme, m: mentor, e: mentee, r: ref.EXPERIENCED_YOUNG, d: ref.D11, o: order },
    )).createMentoringPair.id;
    await gql(`mutation($id: ID!, $d: String!) { changeMentoringPairStatus(id: $id, input: { status: ACTIVE, date: $d }) { id } }`, { id: pair, d: isoDay(-30) });
    const plan = (await gql(`mutation($p: ID!) { createPersonalisedProgramme(input: { pairId: $p, title: "Адаптация", startDate: "2024-09-01", endDate: "2025-05-31" }) { id } }`, { p: pair })).createPersonalisedProgramme.id;
    const task = (await gql(`mutation($p: ID!) { createPlanTask(input: { personalisedProgrammeId: $p, title: "Посетить уроки наставника" }) { id } }`, { p: plan })).createPlanTask.id;
    const meeting = (await gql(`mutation($p: ID!, $t: ID!, $d: String!) { createMeeting(input: { pairId: $p, meetingTypeId: $t, heldOn: $d, topic: "Знакомство" }) { id } }`, { p: pair, t: ref.ORGANISATIONAL, d: isoDay(-29) })).createMeeting.id;
    const roadmap = (await gql(`mutation($o: ID!) { createRoadmap(input: { title: "Дорожная карта", academicYear: "2024/2025", approvalOrderId: $o }) { id } }`, { o: order })).createRoadmap.id;
    const item = (await gql(`mutation($r: ID!, $s: ID!) { createRoadmapItem(input: { roadmapId: $r, number: "1", stageId: $s, activity: "Издание приказа" }) { id } }`, { r: roadmap, s: ref.PREPARATION })).createRoadmapItem.id;
    const run = await gql<{ suggestPairs: { suggestions: { id: string }[] } }>(`mutation($p: ID!) { suggestPairs(programmeId: $p) { suggestions { id } } }`, { p: programme });
    return { order, programme, roadmap, item, pair, plan, task, meeting, suggestion: run.suggestPairs.suggestions[0].id, mentor, mentee };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    const codes = await db.owner.query<{ code: string; id: string }>(
      `select code, id from mentoring_forms union all select code, id from role_models union all select code, id from mentoring_directions
       union all select code, id from meeting_types union all select code, id from programme_stages`,
    );
    for (const row of codes.rows) ref[row.code] = row.id;
    a = await db.newSchoolWorld();
    b = await db.newSchoolWorld();
    mine = await build(a.school, 'А');
    theirs = await build(b.school, 'Б');
    curatorA = tokenFor('curator', a.school.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const reads = (r: Records): [string, Record<string, unknown>][] => [
    [`query($id: ID!) { OrderDocument(id: $id) { id number } }`, { id: r.order }],
    [`query($id: ID!) { Programme(id: $id) { id title } }`, { id: r.programme }],
    [`query($id: ID!) { Roadmap(id: $id) { id } }`, { id: r.roadmap }],
    [`query($id: ID!) { RoadmapReport(id: $id) { sections { items { id } } } }`, { id: r.roadmap }],
    [`query($id: ID!) { RoadmapItem(id: $id) { id } }`, { id: r.item }],
    [`query($id: ID!) { MentoringPair(id: $id) { id menteeIds } }`, { id: r.pair }],
    [`query($id: ID!) { MatchSuggestion(id: $id) { id explanation } }`, { id: r.suggestion }],
    [`query($id: ID!) { PersonalisedProgramme(id: $id) { id } }`, { id: r.plan }],
    [`query($id: ID!) { PlanTask(id: $id) { id } }`, { id: r.task }],
    [`query($id: ID!) { Meeting(id: $id) { id attendeeIds } }`, { id: r.meeting }],
  ];

  describe('a curator of school A', () => {
    it('reads their own records', async () => {
      for (const [query, variables] of reads(mine)) {
        const response = await api.gql(curatorA, query, variables);
        expect(response.errors).toBeUndefined();
      }
    });

    it("gets NOT_FOUND for each of school B's records", async () => {
      for (const [query, variables] of reads(theirs)) {
        const response = await api.gql(curatorA, query, variables);
        expect({ query, codes: codesOf(response) }).toEqual({ query, codes: ['NOT_FOUND'] });
        expect(response.data).toBeNull();
      }
    });

    it('lists only their own school, whatever the filter says', async () => {
      const lists: [string, string, Record<string, unknown>[], string][] = [
        ['allOrderDocuments', 'OrderDocumentFilter', [{}, { ids: [theirs.order] }, { q: '05' }], mine.order],
        ['allProgrammes', 'ProgrammeFilter', [{}, { ids: [theirs.programme] }, { academicYear: '2024/2025' }, { status: 'ACTIVE' }], mine.programme],
        ['allRoadmaps', 'RoadmapFilter', [{}, { ids: [theirs.roadmap] }], mine.roadmap],
        ['allRoadmapItems', 'RoadmapItemFilter', [{}, { roadmapId: theirs.roadmap }, { ids: [theirs.item] }], mine.item],
        ['allMentoringPairs', 'MentoringPairFilter', [{}, { programmeId: theirs.programme }, { participantId: theirs.mentee }, { mentorId: theirs.mentor }, { ids: [theirs.pair] }], mine.pair],
        ['allMatchSuggestions', 'MatchSuggestionFilter', [{}, { programmeId: theirs.programme }, { ids: [theirs.suggestion] }], mine.suggestion],
        ['allPersonalisedProgrammes', 'PersonalisedProgrammeFilter', [{}, { pairId: theirs.pair }, { ids: [theirs.plan] }], mine.plan],
        ['allPlanTasks', 'PlanTaskFilter', [{}, { personalisedProgrammeId: theirs.plan }, { ids: [theirs.task] }], mine.task],
        ['allMeetings', 'MeetingFilter', [{}, { pairId: theirs.pair }, { programmeId: theirs.programme }, { ids: [theirs.meeting] }], mine.meeting],
      ];
      const theirIds = new Set(Object.values(theirs));
      for (const [list, filterType, filters, ownId] of lists) {
        for (const filter of filters) {
          const response = await api.gql<Record<string, unknown>>(
            curatorA,
            `query($filter: ${filterType}) { ${list}(filter: $filter, perPage: 500) { id } _${list}Meta(filter: $filter) { count } }`,
            { filter },
          );
          expect(response.errors).toBeUndefined();
          const ids = (response.data![list] as { id: string }[]).map((r) => r.id);
          expect({ list, filter, leaked: ids.filter((id) => theirIds.has(id)) }).toEqual({ list, filter, leaked: [] });
          if (Object.keys(filter).length === 0) expect(ids).toContain(ownId);
          expect((response.data![`_${list}Meta`] as { count: number }).count).toBe(ids.length);
        }
      }
    });

    it('cannot change or create anything with school B\'s ids through any mutation, and neither school changes', async () => {
      const t = theirs;
      const attempts: [string, Record<string, unknown>][] = [
        [`mutation($id: ID!) { updateOrderDocument(id: $id, input: { title: "Взлом" }) { id } }`, { id: t.order }],
        [`mutation($id: ID!) { deleteOrderDocument(id: $id) { id } }`, { id: t.order }],
        [`mutation($t: ID!) { createOrderDocument(input: { tenantId: $t, kind: ORDER, number: "1", issuedOn: "2024-01-01", title: "Чужой" }) { id } }`, { t: b.school.id }],
        [`mutation($id: ID!) { updateProgramme(id: $id, input: { title: "Взлом" }) { id } }`, { id: t.programme }],
        [`mutation($id: ID!) { changeProgrammeStatus(id: $id, status: COMPLETED) { id } }`, { id: t.programme }],
        [`mutation($id: ID!) { deleteProgramme(id: $id) { id } }`, { id: t.programme }],
        [`mutation($t: ID!, $f: ID!) { createProgramme(input: { tenantId: $t, title: "Чужая", academicYear: "2024/2025", formId: $f }) { id } }`, { t: b.school.id, f: ref.TEACHER_TEACHER }],
        [`mutation($o: ID!, $f: ID!) { createProgramme(input: { title: "С чужим приказом", academicYear: "2024/2025", formId: $f, approvalOrderId: $o }) { id } }`, { o: t.order, f: ref.TEACHER_TEACHER }],
        [`mutation($id: ID!, $o: ID!) { updateProgramme(id: $id, input: { approvalOrderId: $o }) { id } }`, { id: mine.programme, o: t.order }],
        [`mutation($id: ID!) { updateRoadmap(id: $id, input: { title: "Взлом" }) { id } }`, { id: t.roadmap }],
        [`mutation($id: ID!) { deleteRoadmap(id: $id) { id } }`, { id: t.roadmap }],
        [`mutation($t: ID!) { createRoadmap(input: { tenantId: $t, title: "Чужая", academicYear: "2030/2031" }) { id } }`, { t: b.school.id }],
        [`mutation($o: ID!) { createRoadmap(input: { title: "С чужим приказом", academicYear: "2031/2032", approvalOrderId: $o }) { id } }`, { o: t.order }],
        [`mutation($r: ID!) { createRoadmapItem(input: { roadmapId: $r, number: "99", activity: "Взлом" }) { id } }`, { r: t.roadmap }],
        [`mutation($id: ID!) { updateRoadmapItem(id: $id, input: { status: DONE, executionResult: "Взлом" }) { id } }`, { id: t.item }],
        [`mutation($id: ID!) { deleteRoadmapItem(id: $id) { id } }`, { id: t.item }],
        [`mutation($p: ID!, $m: ID!, $e: ID!) { createMentoringPair(input: { programmeId: $p, mentorId: $m, menteeIds: [$e] }) { id } }`, { p: t.programme, m: t.mentor, e: t.mentee }],
        [`mutation($p: ID!, $m: ID!, $e: ID!) { createMentoringPair(input: { programmeId: $p, mentorId: $m, menteeIds: [$e] }) { id } }`, { p: mine.programme, m: t.mentor, e: mine.mentee }],
        [`mutation($p: ID!, $m: ID!, $e: ID!) { createMentoringPair(input: { programmeId: $p, mentorId: $m, menteeIds: [$e] }) { id } }`, { p: mine.programme, m: mine.mentor, e: t.mentee }],
        [`mutation($id: ID!, $e: ID!) { updateMentoringPair(id: $id, input: { menteeIds: [$e] }) { id } }`, { id: mine.pair, e: t.mentee }],
        [`mutation($id: ID!, $o: ID!) { updateMentoringPair(id: $id, input: { fixingOrderId: $o }) { id } }`, { id: mine.pair, o: t.order }],
        [`mutation($id: ID!) { updateMentoringPair(id: $id, input: { result: "Взлом" }) { id } }`, { id: t.pair }],
        [`mutation($id: ID!) { changeMentoringPairStatus(id: $id, input: { status: ENDED_EARLY, endReason: CURATOR_INITIATIVE }) { id } }`, { id: t.pair }],
        [`mutation($id: ID!) { deleteMentoringPair(id: $id) { id } }`, { id: t.pair }],
        [`mutation($p: ID!) { suggestPairs(programmeId: $p) { runId } }`, { p: t.programme }],
        [`mutation($id: ID!) { acceptSuggestion(id: $id) { id } }`, { id: t.suggestion }],
        [`mutation($id: ID!) { rejectSuggestion(id: $id) { id } }`, { id: t.suggestion }],
        [`mutation($p: ID!) { createPersonalisedProgramme(input: { pairId: $p, title: "Взлом" }) { id } }`, { p: t.pair }],
        [`mutation($id: ID!) { updatePersonalisedProgramme(id: $id, input: { title: "Взлом" }) { id } }`, { id: t.plan }],
        [`mutation($id: ID!) { deletePersonalisedProgramme(id: $id) { id } }`, { id: t.plan }],
        [`mutation($p: ID!) { createPlanTask(input: { personalisedProgrammeId: $p, title: "Взлом" }) { id } }`, { p: t.plan }],
        [`mutation($id: ID!) { updatePlanTask(id: $id, input: { status: DONE }) { id } }`, { id: t.task }],
        [`mutation($id: ID!) { deletePlanTask(id: $id) { id } }`, { id: t.task }],
        [`mutation($p: ID!, $t: ID!) { createMeeting(input: { pairId: $p, meetingTypeId: $t, heldOn: "2024-10-01" }) { id } }`, { p: t.pair, t: ref.REGULAR }],
        [`mutation($p: ID!, $t: ID!) { createMeeting(input: { programmeId: $p, meetingTypeId: $t, heldOn: "2024-10-01" }) { id } }`, { p: t.programme, t: ref.CEREMONY }],
        [`mutation($p: ID!, $t: ID!, $x: ID!, $d: String!) { createMeeting(input: { pairId: $p, meetingTypeId: $t, heldOn: $d, attendeeIds: [$x] }) { id } }`, { p: mine.pair, t: ref.REGULAR, x: t.mentor, d: isoDay(-1) }],
        [`mutation($id: ID!) { updateMeeting(id: $id, input: { notes: "Взлом" }) { id } }`, { id: t.meeting }],
        [`mutation($id: ID!) { deleteMeeting(id: $id) { id } }`, { id: t.meeting }],
      ];
      const before = [await snapshot(a.school.id), await snapshot(b.school.id)];
      for (const [mutation, variables] of attempts) {
        const response = await api.gql(curatorA, mutation, variables);
        expect({ mutation, data: response.data }).toEqual({ mutation, data: null });
        expect({ mutation, code: codesOf(response)[0] }).toEqual({ mutation, code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN|VALIDATION_FAILED)$/) });
      }
      expect([await snapshot(a.school.id), await snapshot(b.school.id)]).toEqual(before);
    });

    it('cannot write the reference data', async () => {
      const response = await api.gql(curatorA, `mutation($id: ID!) { updateMentoringForm(id: $id, input: { title: "Взлом" }) { id } }`, { id: ref.TEACHER_TEACHER });
      expect(codesOf(response)).toEqual(['FORBIDDEN']);
      const created = await api.gql(curatorA, `mutation { createMenteeInterest(input: { code: "hack", title: "Взлом" }) { id } }`);
      expect(codesOf(created)).toEqual(['FORBIDDEN']);
      expect((await db.owner.query(`select title from mentoring_forms where id = $1`, [ref.TEACHER_TEACHER])).rows[0].title).toBe('Учитель – учитель');
    });
  });

  describe.each([
    ['a region analyst', () => tokenFor('region-analyst', b.region.code)],
    ['a ministry official of the region', () => tokenFor('ministry-official', b.region.code)],
    ['a federal ministry official', () => tokenFor('ministry-official', null)],
  ])('%s', (who, token) => {
    // A region analyst reads its region's roadmaps (issue 13, docs/adr/0033) — never writes them; regional-loop.spec.ts has the other region.
    const readsRoadmaps = who === 'a region analyst';
    const roadmapRead = (text: string) => readsRoadmaps && /Roadmap/.test(text);
    it(`gets FORBIDDEN for every record of a school${readsRoadmaps ? ' but its roadmaps' : ''} and every write, and may read the reference data`, async () => {
      const lists = ['allOrderDocuments', 'allProgrammes', 'allRoadmaps', 'allRoadmapItems', 'allMentoringPairs', 'allMatchSuggestions', 'allPersonalisedProgrammes', 'allPlanTasks', 'allMeetings'];
      for (const list of lists) {
        const response = await api.gql(token(), `{ ${list} { id } }`);
        expect({ list, codes: codesOf(response) }).toEqual({ list, codes: roadmapRead(list) ? [] : ['FORBIDDEN'] });
      }
      for (const [query, variables] of reads(theirs)) expect(codesOf(await api.gql(token(), query, variables))).toEqual(roadmapRead(query) ? [] : ['FORBIDDEN']);
      const roadmapWrite = await api.gql(token(), `mutation($id: ID!) { updateRoadmap(id: $id, input: { title: "Взлом" }) { id } }`, { id: theirs.roadmap });
      expect(codesOf(roadmapWrite)).toEqual(['FORBIDDEN']);
      const write = await api.gql(token(), `mutation($p: ID!) { suggestPairs(programmeId: $p) { runId } }`, { p: theirs.programme });
      expect(codesOf(write)).toEqual(['FORBIDDEN']);
      const refs = await api.gql<{ allMentoringForms: { code: string }[]; allMentoringDirections: { code: string }[] }>(
        token(),
        `{ allMentoringForms(perPage: 100) { code } allMentoringDirections(perPage: 100) { code } }`,
      );
      expect(refs.errors).toBeUndefined();
      expect(refs.data!.allMentoringForms.map((f) => f.code)).toContain('STUDENT_STUDENT');
      expect(refs.data!.allMentoringDirections).toHaveLength(11);
    });
  });
});
