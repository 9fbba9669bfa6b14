import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { codesOf, TestApi } from './test-api';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';

const TABLES = ['mentor_nominations', 'mentor_competitions', 'competition_entries', 'practice_cases'];

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'completion-pdf-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The completion stage (issue 13 item 6, docs/adr/0036), proven both ways: schools A and B of
 * region 1, school C of region 2, the analysts of both regions and region 2's ministry official.
 * - nominations are the school's only; a competition is its region's (its schools' curators read
 *   it); an entry is read by the region's analyst only once the school entered it, and another
 *   region's analyst or another school's curator neither reads nor changes it;
 * - a practice case: a draft is the school's only; a submitted one also its region's analysts';
 *   a published one every school of the region (B) — and still nobody of region 2.
 * Every refusal is checked against the rows themselves (owner role) before and after.
 */
describe('completion stage: nominations, competitions, the bank of practices — isolation both ways', () => {
  let api: TestApi;
  let db: TestDb;
  let region1: TenantRow;
  let region2: TenantRow;
  let schoolA: TenantRow;
  let schoolB: TenantRow;
  let schoolC: TenantRow;
  const token = {} as Record<'curatorA' | 'curatorB' | 'curatorC' | 'analyst1' | 'analyst2' | 'ministry2', string>;
  const ref: Record<string, string> = {};

  const gql = async <T = Record<string, Record<string, unknown>>>(who: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await api.gql<T>(who, query, variables);
    if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  };
  const rows = async () => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) out[table] = (await db.owner.query(`select * from ${table} where tenant_id = any($1) order by id`, [[schoolA.id, schoolB.id, schoolC.id, region1.id, region2.id]])).rows;
    return out;
  };
  /** Each (who, operation) is refused with one of `codes` and the rows are the same afterwards. */
  const refused = async (attempts: [string, string, string, Record<string, unknown>][], codes: string[]) => {
    const before = await rows();
    for (const [label, who, query, variables] of attempts) {
      const response = await api.gql(who, query, variables);
      expect({ label, codes: codesOf(response).filter((c) => !codes.includes(c ?? '')) }).toEqual({ label, codes: [] });
      expect({ label, errors: (response.errors ?? []).length > 0 }).toEqual({ label, errors: true });
    }
    expect(await rows()).toEqual(before);
  };
  const mentorOf = async (curator: string, lastName: string) => {
    const { createParticipant } = await gql<{ createParticipant: { id: string } }>(curator, `mutation($n: String!) { createParticipant(input: { kind: TEACHER, lastName: $n, firstName: "Анна", middleName: "Петровна", birthDate: "1980-04-12" }) { id } }`, { n: lastName });
    await gql(curator, `mutation($p: ID!) { createConsent(input: { participantId: $p, signedBy: SELF, signedOn: "2024-09-01", purposes: [PROCESSING, PAIRING, REPORTS] }) { id } }`, { p: createParticipant.id });
    return createParticipant.id;
  };
  const nominate = async (curator: string, mentorId: string, nomination = 'BEST_MENTOR') =>
    (await gql<{ createMentorNomination: { id: string; mentorName: string } }>(
      curator,
      `mutation($m: ID!, $n: MentorNominationKind!) { createMentorNomination(input: { mentorId: $m, nomination: $n, academicYear: "2024/2025", reason: "Подготовила трёх молодых педагогов к аттестации" }) { id mentorName } }`,
      { m: mentorId, n: nomination },
    )).createMentorNomination;

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    for (const row of (await db.owner.query<{ code: string; id: string }>(`select code, id from mentoring_forms union all select code, id from role_models`)).rows) ref[row.code] = row.id;
    region1 = await db.newRegion();
    const municipality1 = await db.newMunicipality(region1);
    schoolA = await db.newOrganisation(municipality1);
    schoolB = await db.newOrganisation(municipality1);
    region2 = await db.newRegion();
    schoolC = await db.newOrganisation(await db.newMunicipality(region2));
    token.curatorA = tokenFor('curator', schoolA.code);
    token.curatorB = tokenFor('curator', schoolB.code);
    token.curatorC = tokenFor('curator', schoolC.code);
    token.analyst1 = tokenFor('region-analyst', region1.code);
    token.analyst2 = tokenFor('region-analyst', region2.code);
    token.ministry2 = tokenFor('ministry-official', region2.code);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  describe('nominations and the letter of thanks', () => {
    let nominationA: string;
    let nominationB: string;
    let mentorA: string;
    beforeAll(async () => {
      mentorA = await mentorOf(token.curatorA, 'Наставникова');
      nominationA = (await nominate(token.curatorA, mentorA)).id;
      nominationB = (await nominate(token.curatorB, await mentorOf(token.curatorB, 'Учителева'))).id;
    });

    it("the school's curator reads its nomination, with the mentor's full name, and downloads the letter as a PDF", async () => {
      const { MentorNomination } = await gql<{ MentorNomination: { mentorName: string; nomination: string } }>(token.curatorA, `query($id: ID!) { MentorNomination(id: $id) { mentorName nomination } }`, { id: nominationA });
      expect(MentorNomination).toEqual({ mentorName: 'Наставникова Анна Петровна', nomination: 'BEST_MENTOR' });
      const { mentorLetterOfThanks: file } = await gql<{ mentorLetterOfThanks: { fileName: string; contentType: string; content: string } }>(token.curatorA, `mutation($id: ID!) { mentorLetterOfThanks(id: $id) { fileName contentType content } }`, { id: nominationA });
      expect(file.contentType).toBe('application/pdf');
      expect(file.fileName).toMatch(/^blagodarstvennoe-pismo-2024-2025-.*\.pdf$/);
      const text = pdfText(Buffer.from(file.content, 'base64'));
      expect(text).toContain('БЛАГОДАРСТВЕННОЕ ПИСЬМО');
      expect(text).toContain('Наставникова Анна Петровна');
      expect(text).toContain('«Лучший наставник» по итогам 2024/2025 учебного года');
      expect(text).toContain(schoolA.full_name);
      const journal = await db.owner.query(`select operation from access_journal where tenant_id = $1 and operation = 'mentorLetterOfThanks'`, [schoolA.id]);
      expect(journal.rowCount).toBe(1);
    });

    it("the mentor's subject access lists the nomination (152-ФЗ ст. 14)", async () => {
      const { subjectAccessExport } = await gql<{ subjectAccessExport: { content: string } }>(token.curatorA, `mutation($p: ID!) { subjectAccessExport(participantId: $p, format: JSON) { content } }`, { p: mentorA });
      const data = JSON.parse(Buffer.from(subjectAccessExport.content, 'base64').toString('utf8')) as { sections: { entity: string; rows: Record<string, unknown>[] }[] };
      const rows = data.sections.find((section) => section.entity === 'MentorNomination')?.rows ?? [];
      expect(rows.map((row) => [row.id, row.nomination, row.mentorName])).toEqual([[nominationA, 'best_mentor', 'Наставникова Анна Петровна']]);
    });

    it("another school's curator, any analyst and the ministry neither read nor change nor print it", async () => {
      const attempts = (id: string): [string, Record<string, unknown>][] => [
        [`query($id: ID!) { MentorNomination(id: $id) { id mentorName } }`, { id }],
        [`mutation($id: ID!) { updateMentorNomination(id: $id, input: { reason: "Переписанное обоснование чужой школы" }) { id } }`, { id }],
        [`mutation($id: ID!) { deleteMentorNomination(id: $id) { id } }`, { id }],
        [`mutation($id: ID!) { mentorLetterOfThanks(id: $id) { content } }`, { id }],
      ];
      await refused(attempts(nominationA).map(([q, v]) => ['curator B → A', token.curatorB, q, v]), ['NOT_FOUND']);
      await refused(attempts(nominationA).map(([q, v]) => ['curator C → A', token.curatorC, q, v]), ['NOT_FOUND']);
      for (const who of [token.analyst1, token.analyst2, token.ministry2]) await refused(attempts(nominationA).map(([q, v]) => ['reader → A', who, q, v]), ['FORBIDDEN']);
      const { allMentorNominations } = await gql<{ allMentorNominations: { id: string }[] }>(token.curatorB, `query($ids: [ID!]) { allMentorNominations(filter: { ids: $ids }) { id } }`, { ids: [nominationA, nominationB] });
      expect(allMentorNominations.map((n) => n.id)).toEqual([nominationB]);
    });
  });

  describe('a regional competition and the entries of its schools', () => {
    let competition: string;
    let nominationA: string;
    let notEntered: string;
    let entryA: string;
    beforeAll(async () => {
      competition = (await gql<{ createMentorCompetition: { id: string } }>(
        token.analyst1,
        `mutation { createMentorCompetition(input: { title: "Наставник года — 2025", academicYear: "2024/2025", nominations: [BEST_MENTOR, MENTOR_OF_THE_YEAR] }) { id } }`,
      )).createMentorCompetition.id;
      const mentor = await mentorOf(token.curatorA, 'Конкурсная');
      nominationA = (await nominate(token.curatorA, mentor, 'MENTOR_OF_THE_YEAR')).id;
      notEntered = (await nominate(token.curatorA, mentor, 'BEST_PAIR')).id;
    });

    it("is read by its region's curators and analysts, and by nobody of another region", async () => {
      for (const who of [token.curatorA, token.curatorB, token.analyst1]) {
        const { allMentorCompetitions } = await gql<{ allMentorCompetitions: { id: string }[] }>(who, `{ allMentorCompetitions { id } }`);
        expect(allMentorCompetitions.map((c) => c.id)).toContain(competition);
      }
      for (const who of [token.curatorC, token.analyst2, token.ministry2]) {
        const { allMentorCompetitions } = await gql<{ allMentorCompetitions: { id: string }[] }>(who, `{ allMentorCompetitions { id } }`);
        expect(allMentorCompetitions.map((c) => c.id)).not.toContain(competition);
      }
      await refused(
        [
          ['curator C reads', token.curatorC, `query($id: ID!) { MentorCompetition(id: $id) { id } }`, { id: competition }],
          ['analyst 2 reads', token.analyst2, `query($id: ID!) { MentorCompetition(id: $id) { id } }`, { id: competition }],
          ['analyst 2 closes', token.analyst2, `mutation($id: ID!) { updateMentorCompetition(id: $id, input: { status: CLOSED }) { id } }`, { id: competition }],
          ['analyst 2 deletes', token.analyst2, `mutation($id: ID!) { deleteMentorCompetition(id: $id) { id } }`, { id: competition }],
          ['curator C enters', token.curatorC, `mutation($c: ID!, $n: ID!) { enterMentorCompetition(competitionId: $c, nominationId: $n) { id } }`, { c: competition, n: nominationA }],
        ],
        ['NOT_FOUND'],
      );
      await refused(
        [
          ['curator A closes', token.curatorA, `mutation($id: ID!) { updateMentorCompetition(id: $id, input: { status: CLOSED }) { id } }`, { id: competition }],
          ['curator A creates', token.curatorA, `mutation { createMentorCompetition(input: { title: "Свой конкурс", academicYear: "2024/2025", nominations: [BEST_MENTOR] }) { id } }`, {}],
        ],
        ['FORBIDDEN'],
      );
    });

    it("the region reads an entry once the school entered it — never the school's nominations — and records its result", async () => {
      const { allCompetitionEntries: before } = await gql<{ allCompetitionEntries: unknown[] }>(token.analyst1, `{ allCompetitionEntries { id } }`);
      expect(before).toEqual([]);
      await refused([['curator B enters A\'s nomination', token.curatorB, `mutation($c: ID!, $n: ID!) { enterMentorCompetition(competitionId: $c, nominationId: $n) { id } }`, { c: competition, n: nominationA }]], ['NOT_FOUND']);
      await refused([['a nomination the competition does not have', token.curatorA, `mutation($c: ID!, $n: ID!) { enterMentorCompetition(competitionId: $c, nominationId: $n) { id } }`, { c: competition, n: notEntered }]], ['VALIDATION_FAILED']);
      entryA = (await gql<{ enterMentorCompetition: { id: string } }>(token.curatorA, `mutation($c: ID!, $n: ID!) { enterMentorCompetition(competitionId: $c, nominationId: $n) { id } }`, { c: competition, n: nominationA })).enterMentorCompetition.id;

      const { allCompetitionEntries } = await gql<{ allCompetitionEntries: Record<string, unknown>[] }>(token.analyst1, `query($c: ID!) { allCompetitionEntries(filter: { competitionId: $c }) { id mentorName nomination schoolName result } }`, { c: competition });
      expect(allCompetitionEntries).toEqual([{ id: entryA, mentorName: 'Конкурсная Анна Петровна', nomination: 'MENTOR_OF_THE_YEAR', schoolName: schoolA.short_name, result: null }]);
      const journal = await db.owner.query(`select 1 from access_journal where tenant_id = $1 and operation = 'allCompetitionEntries'`, [schoolA.id]);
      expect(journal.rowCount).toBeGreaterThan(0);

      for (const who of [token.curatorB, token.curatorC, token.analyst2]) {
        const { allCompetitionEntries: seen } = await gql<{ allCompetitionEntries: unknown[] }>(who, `{ allCompetitionEntries { id } }`);
        expect(seen).toEqual([]);
      }
      await refused(
        [
          ['curator B reads', token.curatorB, `query($id: ID!) { CompetitionEntry(id: $id) { id mentorName } }`, { id: entryA }],
          ['analyst 2 reads', token.analyst2, `query($id: ID!) { CompetitionEntry(id: $id) { id mentorName } }`, { id: entryA }],
          ['curator B withdraws', token.curatorB, `mutation($id: ID!) { withdrawCompetitionEntry(id: $id) { id } }`, { id: entryA }],
          ['analyst 2 results', token.analyst2, `mutation($id: ID!) { setCompetitionResult(id: $id, result: WINNER) { id } }`, { id: entryA }],
        ],
        ['NOT_FOUND'],
      );
      await refused(
        [
          ['curator A results', token.curatorA, `mutation($id: ID!) { setCompetitionResult(id: $id, result: WINNER) { id } }`, { id: entryA }],
          ['ministry reads', token.ministry2, `{ allCompetitionEntries { id } }`, {}],
          ['analyst 1 reads nominations', token.analyst1, `{ allMentorNominations { id } }`, {}],
        ],
        ['FORBIDDEN'],
      );

      const { setCompetitionResult } = await gql<{ setCompetitionResult: { result: string } }>(token.analyst1, `mutation($id: ID!) { setCompetitionResult(id: $id, result: WINNER) { result } }`, { id: entryA });
      expect(setCompetitionResult.result).toBe('WINNER');
      const { CompetitionEntry } = await gql<{ CompetitionEntry: { result: string } }>(token.curatorA, `query($id: ID!) { CompetitionEntry(id: $id) { result } }`, { id: entryA });
      expect(CompetitionEntry.result).toBe('WINNER');
      await refused([['withdraw after the result', token.curatorA, `mutation($id: ID!) { withdrawCompetitionEntry(id: $id) { id } }`, { id: entryA }]], ['CONFLICT']);
    });

    it('in the database: the analyst sees no nomination, cannot rewrite an entry beyond its result; the curator cannot set a result', async () => {
      const client = new Client({ connectionString: readTestEnv().appUrl });
      await client.connect();
      const as = async (role: string, tenantId: string, path: string, work: () => Promise<unknown>) => {
        await client.query('begin');
        try {
          await client.query(`select set_config('app.role', $1, true), set_config('app.tenant_id', $2, true), set_config('app.tenant_path', $3, true)`, [role, tenantId, path]);
          return await work();
        } catch (error) {
          return { error: (error as { code?: string }).code };
        } finally {
          await client.query('rollback');
        }
      };
      try {
        expect(await as('region-analyst', region1.id, region1.path, async () => (await client.query(`select id from mentor_nominations`)).rowCount)).toBe(0);
        expect(await as('region-analyst', region1.id, region1.path, () => client.query(`update competition_entries set mentor_name = 'Подмена' where id = $1`, [entryA]))).toEqual({ error: '42501' });
        expect(await as('curator', schoolA.id, schoolA.path, () => client.query(`update competition_entries set result = 'participant' where id = $1`, [entryA]))).toEqual({ error: '42501' });
        expect(await as('region-analyst', region2.id, region2.path, async () => (await client.query(`update competition_entries set result = 'participant' where id = $1`, [entryA])).rowCount)).toBe(0);
      } finally {
        await client.end();
      }
    });
  });

  describe('the bank of practices: the published-practice policy both ways', () => {
    let practice: string;
    let draft: string;
    const create = async (curator: string, title: string) =>
      (await gql<{ createPracticeCase: { id: string; status: string } }>(
        curator,
        `mutation($t: String!, $f: ID!, $r: ID) { createPracticeCase(input: { academicYear: "2024/2025", title: $t, formId: $f, roleModelId: $r,
           whatWasDone: "Клуб «Точка развития»: пары «ученик – ученик», еженедельные встречи.", results: "Доля неуспевающих снизилась с 12 до 5 %." }) { id status } }`,
        { t: title, f: ref.STUDENT_STUDENT, r: null },
      )).createPracticeCase;
    const visible = async (who: string, id: string): Promise<boolean> => {
      const one = await api.gql(who, `query($id: ID!) { PracticeCase(id: $id) { id } }`, { id });
      const { allPracticeCases } = await gql<{ allPracticeCases: { id: string }[] }>(who, `{ allPracticeCases(perPage: 500) { id } }`);
      const listed = allPracticeCases.some((c) => c.id === id);
      expect({ one: one.errors === undefined }).toEqual({ one: listed });
      if (one.errors) expect(codesOf(one)).toEqual(['NOT_FOUND']);
      return listed;
    };

    beforeAll(async () => {
      const created = await create(token.curatorA, 'Клуб «Точка развития»');
      expect(created.status).toBe('DRAFT');
      practice = created.id;
      draft = (await create(token.curatorA, 'Черновик, который никто не видит')).id;
    });

    it('a draft is the school\'s only: no other school, no analyst, nobody of another region reads or changes it', async () => {
      expect(await visible(token.curatorA, practice)).toBe(true);
      for (const who of [token.curatorB, token.curatorC, token.analyst1, token.analyst2, token.ministry2]) expect(await visible(who, practice)).toBe(false);
      await refused(
        [
          ['curator B edits', token.curatorB, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { title: "Чужой заголовок" }) { id } }`, { id: practice }],
          ['curator B submits', token.curatorB, `mutation($id: ID!) { submitPracticeCase(id: $id) { id } }`, { id: practice }],
          ['curator B deletes', token.curatorB, `mutation($id: ID!) { deletePracticeCase(id: $id) { id } }`, { id: practice }],
          ['analyst 1 publishes a draft', token.analyst1, `mutation($id: ID!) { publishPracticeCase(id: $id) { id } }`, { id: practice }],
        ],
        ['NOT_FOUND'],
      );
    });

    it('submitted: its region\'s analyst reads and moderates it; another region\'s analyst and the other schools do not', async () => {
      await gql(token.curatorA, `mutation($id: ID!) { submitPracticeCase(id: $id) { id } }`, { id: practice });
      expect(await visible(token.analyst1, practice)).toBe(true);
      for (const who of [token.curatorB, token.curatorC, token.analyst2, token.ministry2]) expect(await visible(who, practice)).toBe(false);
      await refused(
        [
          ['analyst 2 publishes', token.analyst2, `mutation($id: ID!) { publishPracticeCase(id: $id) { id } }`, { id: practice }],
          ['analyst 2 returns', token.analyst2, `mutation($id: ID!) { returnPracticeCase(id: $id, comment: "Чужой регион") { id } }`, { id: practice }],
        ],
        ['NOT_FOUND'],
      );
      await refused(
        [
          ['curator A publishes its own', token.curatorA, `mutation($id: ID!) { publishPracticeCase(id: $id) { id } }`, { id: practice }],
          ['curator B publishes', token.curatorB, `mutation($id: ID!) { publishPracticeCase(id: $id) { id } }`, { id: practice }],
        ],
        ['FORBIDDEN'],
      );
      await refused([['curator A edits while moderated', token.curatorA, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { title: "Правка на модерации" }) { id } }`, { id: practice }]], ['CONFLICT']);

      const { returnPracticeCase } = await gql<{ returnPracticeCase: { status: string; moderatorComment: string } }>(token.analyst1, `mutation($id: ID!) { returnPracticeCase(id: $id, comment: "Добавьте цифры по итогам года") { status moderatorComment } }`, { id: practice });
      expect(returnPracticeCase).toEqual({ status: 'RETURNED', moderatorComment: 'Добавьте цифры по итогам года' });
      await gql(token.curatorA, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { results: "Доля неуспевающих снизилась с 12 до 5 %; 40 пар за год." }) { id } }`, { id: practice });
      await gql(token.curatorA, `mutation($id: ID!) { submitPracticeCase(id: $id) { id } }`, { id: practice });
      const { publishPracticeCase } = await gql<{ publishPracticeCase: { status: string } }>(token.analyst1, `mutation($id: ID!) { publishPracticeCase(id: $id) { status } }`, { id: practice });
      expect(publishPracticeCase.status).toBe('PUBLISHED');
    });

    it('published: every school of the region reads it (but cannot change it), nobody of another region does; drafts stay private', async () => {
      expect(await visible(token.curatorB, practice)).toBe(true);
      const { PracticeCase } = await gql<{ PracticeCase: Record<string, unknown> }>(token.curatorB, `query($id: ID!) { PracticeCase(id: $id) { title schoolName results status } }`, { id: practice });
      expect(PracticeCase).toEqual({ title: 'Клуб «Точка развития»', schoolName: schoolA.short_name, results: 'Доля неуспевающих снизилась с 12 до 5 %; 40 пар за год.', status: 'PUBLISHED' });
      const { allPracticeCases } = await gql<{ allPracticeCases: { id: string }[] }>(token.curatorB, `{ allPracticeCases(filter: { status: PUBLISHED }) { id } }`);
      expect(allPracticeCases.map((c) => c.id)).toEqual([practice]);
      const { allPracticeCases: ownOnly } = await gql<{ allPracticeCases: { id: string }[] }>(token.curatorB, `{ allPracticeCases(filter: { own: true }) { id } }`);
      expect(ownOnly).toEqual([]);
      for (const who of [token.curatorC, token.analyst2, token.ministry2]) expect(await visible(who, practice)).toBe(false);
      for (const who of [token.curatorB, token.curatorC, token.analyst1, token.analyst2]) expect(await visible(who, draft)).toBe(false);
      await refused(
        [
          ['curator B edits the published case', token.curatorB, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { title: "Чужой заголовок" }) { id } }`, { id: practice }],
          ['curator B deletes the published case', token.curatorB, `mutation($id: ID!) { deletePracticeCase(id: $id) { id } }`, { id: practice }],
        ],
        ['FORBIDDEN'],
      );
      await refused([['curator C edits', token.curatorC, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { title: "Чужой заголовок" }) { id } }`, { id: practice }]], ['NOT_FOUND']);
      await refused([['curator A edits the published case', token.curatorA, `mutation($id: ID!) { updatePracticeCase(id: $id, input: { title: "Правка опубликованного" }) { id } }`, { id: practice }]], ['CONFLICT']);
    });
  });
});
