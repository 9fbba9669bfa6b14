import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TestDb, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { QuestionnaireBuilders, type PersonRow, type TemplateRow } from './questionnaires-builders';
import { codesOf, TestApi } from './test-api';

type Link = { id: string; path: string | null; status: string; participantId: string; templateId: string; expiresAt: string; usedAt: string | null; academicYear: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Personal one-time links: the curator issues one for one participant and one questionnaire;
 * the person answers without an account at `/q/<token>`, once, before it expires. A forged,
 * expired or used link gets a clear Russian error with a stable code.
 */
describe('questionnaires: personal one-time links', () => {
  let api: TestApi;
  let db: TestDb;
  let build: QuestionnaireBuilders;
  let school: TenantRow;
  let region: TenantRow;
  let other: TenantRow;
  let curator: string;
  let satisfaction: TemplateRow;

  const issue = async (participant: PersonRow, extra: Record<string, unknown> = {}, token = curator, template = satisfaction) => {
    const response = await api.gql<{ createQuestionnaireLink: Link }>(
      token,
      `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id path status participantId templateId expiresAt usedAt academicYear } }`,
      { input: { templateId: template.id, participantId: participant.id, ...extra } },
    );
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!.createQuestionnaireLink;
  };
  const open = (path: string) => api.http().get(path);
  const submit = (path: string, body: unknown) => api.http().post(path).set('content-type', 'application/json').send(body as object);

  beforeAll(async () => {
    api = await TestApi.start();
    db = new TestDb();
    build = new QuestionnaireBuilders(db.owner);
    ({ school, region } = await db.newSchoolWorld());
    other = (await db.newSchoolWorld()).school;
    curator = tokenFor('curator', school.code);
    satisfaction = await build.defaultTemplate('mentee-satisfaction');
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  it('issues a link: a /q/<43-character token> path shown once; only the SHA-256 of the token is stored', async () => {
    const person = await build.person(school.id);
    const link = await issue(person, { academicYear: '2022/2023' });
    expect(link.path).toMatch(/^\/q\/[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ status: 'ACTIVE', participantId: person.id, templateId: satisfaction.id, usedAt: null, academicYear: '2022/2023' });
    const days = (new Date(link.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const token = link.path!.slice(3);
    const row = (await db.owner.query(`select * from questionnaire_links where id = $1`, [link.id])).rows[0];
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // Read back later, the address is gone for good.
    const again = await api.gql<{ QuestionnaireLink: Link }>(curator, `query($id: ID!) { QuestionnaireLink(id: $id) { id path status } }`, { id: link.id });
    expect(again.data!.QuestionnaireLink).toEqual({ id: link.id, path: null, status: 'ACTIVE' });
  });

  it('GET /q/:token renders the questionnaire without an account and without personal data', async () => {
    const person = await build.person(school.id);
    const link = await issue(person);
    const response = await open(link.path!);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ title: 'Удовлетворённость наставляемого участием в программе наставничества', respondentRole: 'mentee' });
    expect(response.body.questions[0]).toMatchObject({ position: 1, kind: 'RATING', scaleMin: 1, scaleMax: 10, required: true });
    expect(response.body.questions.find((q: { kind: string }) => q.kind === 'SINGLE_CHOICE').options[0]).toEqual({ code: 'o1', label: 'Да, с тем же наставником' });
    const text = JSON.stringify(response.body);
    for (const personal of [person.last_name, person.id, school.id, 'satisf', 'isSatisfaction']) expect(text).not.toContain(personal);
  });

  it('POST /q/:token records the answers once, for that person, with satisfaction derived; then the link is used', async () => {
    const person = await build.person(school.id);
    const link = await issue(person, { academicYear: '2022/2023' });
    const answers = await build.answersFor(satisfaction.id, 7);
    const accepted = await submit(link.path!, { answers });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toEqual({ status: 'accepted', message: 'Спасибо! Ваши ответы приняты.' });

    const stored = (await db.owner.query(`select * from questionnaire_responses where link_id = $1`, [link.id])).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tenant_id: school.id, participant_id: person.id, template_id: satisfaction.id, channel: 'link', respondent_role: 'mentee', academic_year: '2022/2023', phase: 'none', satisfied: true });
    expect(await build.count('questionnaire_answers', 'response_id = $1', [stored[0].id])).toBe(answers.length);
    const row = (await db.owner.query(`select used_at, claimed_in from questionnaire_links where id = $1`, [link.id])).rows[0];
    expect(row.used_at).not.toBeNull();

    for (const call of [() => submit(link.path!, { answers }), () => open(link.path!)]) {
      const reused = await call();
      expect(reused.status).toBe(409);
      expect(reused.body).toEqual({ code: 'LINK_USED', message: expect.stringContaining('уже заполнена') });
    }
    expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(1);
    const listed = await api.gql<{ allQuestionnaireLinks: Link[] }>(curator, `query($id: ID!) { allQuestionnaireLinks(filter: { participantId: $id, status: USED }) { id status usedAt } }`, { id: person.id });
    expect(listed.data!.allQuestionnaireLinks).toEqual([{ id: link.id, status: 'USED', usedAt: expect.any(String) }]);
    // The curator sees the response, its answers, but may not alter what the person sent.
    const response = await api.gql<{ allQuestionnaireResponses: { id: string; channel: string; linkId: string; satisfied: boolean; answers: { questionId: string }[] }[] }>(
      curator,
      `query($id: ID!) { allQuestionnaireResponses(filter: { participantId: $id }) { id channel linkId satisfied answers { questionId value text options } } }`,
      { id: person.id },
    );
    expect(response.data!.allQuestionnaireResponses).toEqual([expect.objectContaining({ channel: 'LINK', linkId: link.id, satisfied: true })]);
    const edit = await api.gql(curator, `mutation($id: ID!, $a: [QuestionnaireAnswerInput!]) { updateQuestionnaireResponse(id: $id, input: { answers: $a }) { id } }`, { id: stored[0].id, a: answers });
    expect(codesOf(edit)).toEqual(['CONFLICT']);
    const removeUsed = await api.gql(curator, `mutation($id: ID!) { deleteQuestionnaireLink(id: $id) { id } }`, { id: link.id });
    expect(codesOf(removeUsed)).toEqual(['CONFLICT']);
  });

  it('a forged token — random or malformed — gets LINK_INVALID', async () => {
    for (const path of [`/q/${randomBytes(32).toString('base64url')}`, '/q/abc', `/q/${'A'.repeat(44)}`, `/q/${encodeURIComponent("' or 1=1 --")}`]) {
      for (const call of [() => open(path), () => submit(path, { answers: [] })]) {
        const response = await call();
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ code: 'LINK_INVALID', message: expect.stringContaining('Ссылка на анкету недействительна') });
      }
    }
  });

  it('an expired link gets LINK_EXPIRED and takes no answers', async () => {
    const person = await build.person(school.id);
    const link = await issue(person, { expiresInDays: 1 });
    await db.owner.query(`update questionnaire_links set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where id = $1`, [link.id]);
    for (const call of [() => open(link.path!), () => submit(link.path!, { answers: [] })]) {
      const response = await call();
      expect(response.status).toBe(410);
      expect(response.body).toEqual({ code: 'LINK_EXPIRED', message: expect.stringContaining('Срок действия ссылки') });
    }
    expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(0);
    const listed = await api.gql<{ allQuestionnaireLinks: Link[] }>(curator, `query($id: ID!) { allQuestionnaireLinks(filter: { participantId: $id, status: EXPIRED }) { id status } }`, { id: person.id });
    expect(listed.data!.allQuestionnaireLinks).toEqual([{ id: link.id, status: 'EXPIRED' }]);
  });

  it('invalid answers are refused with VALIDATION_FAILED and leave the link usable', async () => {
    const person = await build.person(school.id);
    const link = await issue(person);
    const questions = await build.questions(satisfaction.id);
    const bad: unknown[] = [
      { answers: [] },
      { answers: [{ questionId: questions[0].id, value: 11 }] },
      { answers: [{ questionId: questions[0].id, value: 0 }] },
      { answers: [{ questionId: questions[0].id, text: 'десять' }] },
      { answers: [{ questionId: questions[0].id, value: 8, extra: 1 }] },
      { answers: 'всё хорошо' },
      {},
    ];
    for (const body of bad) {
      const response = await submit(link.path!, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
    const accepted = await submit(link.path!, { answers: await build.answersFor(satisfaction.id, 6) });
    expect(accepted.status).toBe(201);
    expect((await db.owner.query(`select satisfied from questionnaire_responses where link_id = $1`, [link.id])).rows).toEqual([{ satisfied: false }]);
  });

  it('concurrent submissions through one link: exactly one response', async () => {
    const person = await build.person(school.id);
    const link = await issue(person);
    const answers = await build.answersFor(satisfaction.id, 9);
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(link.path!, { answers })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe('LINK_USED');
    expect(await build.count('questionnaire_responses', 'link_id = $1', [link.id])).toBe(1);
    expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(1);
  });

  it('a link is issued only for an eligible participant of the curator\'s own school and an active current template', async () => {
    const noConsent = await build.person(school.id, { consent: 'none' });
    const otherPurpose = await build.person(school.id, { consent: 'other' });
    for (const person of [noConsent, otherPurpose]) {
      const response = await api.gql(curator, `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: person.id } });
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
      expect(response.errors![0].message).toContain('нет действующего согласия');
    }
    const stranger = await build.person(other.id);
    const foreign = await api.gql(curator, `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: stranger.id } });
    expect(codesOf(foreign)).toEqual(['VALIDATION_FAILED']);
    expect(foreign.errors![0].message).toContain('не найден');
    for (const expiresInDays of [0, 91, -3]) {
      const person = await build.person(school.id);
      const response = await api.gql(curator, `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`, { input: { templateId: satisfaction.id, participantId: person.id, expiresInDays } });
      expect(codesOf(response)).toEqual(['VALIDATION_FAILED']);
    }
    expect(await build.count('questionnaire_links', 'participant_id = any($1)', [[noConsent.id, otherPurpose.id, stranger.id]])).toBe(0);
    for (const token of [tokenFor('region-analyst', region.code), tokenFor('ministry-official', null)]) {
      const response = await api.gql(token, `{ allQuestionnaireLinks { id } }`);
      expect(codesOf(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('a withdrawn (deleted) unused link stops working', async () => {
    const person = await build.person(school.id);
    const link = await issue(person);
    const removed = await api.gql<{ deleteQuestionnaireLink: { id: string } }>(curator, `mutation($id: ID!) { deleteQuestionnaireLink(id: $id) { id } }`, { id: link.id });
    expect(removed.data!.deleteQuestionnaireLink.id).toBe(link.id);
    expect((await open(link.path!)).body.code).toBe('LINK_INVALID');
  });

  it('revoking the consent to questionnaires withdraws the person\'s pending links: LINK_WITHDRAWN, no answers taken', async () => {
    const person = await build.person(school.id);
    const pending = await issue(person);
    const answered = await issue(person);
    const answers = await build.answersFor(satisfaction.id, 8);
    expect((await submit(answered.path!, { answers })).status).toBe(201);
    const otherPerson = await build.person(school.id);
    const untouched = await issue(otherPerson);

    const consent = (await db.owner.query<{ id: string }>(`select id from consents where participant_id = $1`, [person.id])).rows[0];
    const revoked = await api.gql(curator, `mutation($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { id revokedOn } }`, { id: consent.id, reason: 'Заявление законного представителя' });
    expect(revoked.errors).toBeUndefined();

    for (const call of [() => open(pending.path!), () => submit(pending.path!, { answers })]) {
      const refused = await call();
      expect(refused.status).toBe(410);
      expect(refused.body).toEqual({ code: 'LINK_WITHDRAWN', message: expect.stringContaining('согласие на участие в анкетировании отозвано') });
    }
    expect(await build.count('questionnaire_responses', 'participant_id = $1', [person.id])).toBe(1);
    // The used link stays used; another person's link is not affected.
    expect((await open(answered.path!)).body.code).toBe('LINK_USED');
    expect((await open(untouched.path!)).status).toBe(200);
    const listed = await api.gql<{ allQuestionnaireLinks: Link[] }>(curator, `query($id: ID!) { allQuestionnaireLinks(filter: { participantId: $id, status: WITHDRAWN }) { id status } }`, { id: person.id });
    expect(listed.data!.allQuestionnaireLinks).toEqual([{ id: pending.id, status: 'WITHDRAWN' }]);
  });

  describe('the respondent role in the database', () => {
    let client: Client;
    beforeAll(async () => {
      client = new Client({ connectionString: readTestEnv().appUrl });
      await client.connect();
    });
    afterAll(() => client.end());

    /** Runs `work` as the app role with the scope of a respondent holding `token` (rolled back). */
    const asRespondent = async <T>(token: string, work: () => Promise<T>): Promise<T | { error: string }> => {
      await client.query('begin');
      try {
        await client.query(`select set_config('app.role', 'respondent', true), set_config('app.link_hash', $1, true)`, [sha256(token)]);
        return await work();
      } catch (error) {
        return { error: (error as { code?: string }).code ?? String(error) };
      } finally {
        await client.query('rollback');
      }
    };

    it('sees exactly its own link and template — no other link, response, person or school template', async () => {
      const mine = await build.person(school.id);
      const someoneElse = await build.person(school.id);
      const myLink = await issue(mine);
      const ownTemplate = await api.gql<{ copyQuestionnaireTemplate: { id: string } }>(curator, `mutation($id: ID!) { copyQuestionnaireTemplate(id: $id, input: { code: "respondent-copy" }) { id } }`, { id: satisfaction.id });
      await issue(someoneElse, {}, curator, { ...satisfaction, id: ownTemplate.data!.copyQuestionnaireTemplate.id });
      const token = myLink.path!.slice(3);
      const seen = await asRespondent(token, async () => ({
        links: (await client.query(`select id from questionnaire_links`)).rows.map((r) => r.id),
        templates: (await client.query(`select id from questionnaire_templates`)).rows.map((r) => r.id),
        questions: (await client.query(`select distinct template_id from questionnaire_questions`)).rows.map((r) => r.template_id),
        responses: (await client.query(`select count(*)::int as n from questionnaire_responses`)).rows[0].n,
        participants: (await client.query(`select count(*)::int as n from participants`)).rows[0].n,
        consents: (await client.query(`select count(*)::int as n from consents`)).rows[0].n,
      }));
      expect(seen).toEqual({ links: [myLink.id], templates: [satisfaction.id], questions: [satisfaction.id], responses: 0, participants: 0, consents: 0 });
      const forged = await asRespondent(randomBytes(32).toString('base64url'), async () => (await client.query(`select count(*)::int as n from questionnaire_links`)).rows[0].n);
      expect(forged).toBe(0);
    });

    it('cannot insert a response without claiming the link, for another person, or change another link', async () => {
      const mine = await build.person(school.id);
      const someoneElse = await build.person(school.id);
      const myLink = await issue(mine);
      const theirLink = await issue(someoneElse);
      const token = myLink.path!.slice(3);
      const insert = (participant: string, link: string) =>
        client.query(
          `insert into questionnaire_responses (tenant_id, template_id, participant_id, respondent_role, academic_year, phase, channel, link_id)
           values ($1, $2, $3, 'mentee', $4, 'none', 'link', $5)`,
          [school.id, satisfaction.id, participant, myLink.academicYear, link],
        );
      expect(await asRespondent(token, () => insert(mine.id, myLink.id))).toEqual({ error: '42501' });
      const claimedThenOther = await asRespondent(token, async () => {
        await client.query(`update questionnaire_links set used_at = now(), claimed_in = pg_current_xact_id() where token_hash = app.link_hash()`);
        return insert(someoneElse.id, myLink.id);
      });
      expect(claimedThenOther).toEqual({ error: '42501' });
      const otherLink = await asRespondent(token, async () => {
        await client.query(`update questionnaire_links set used_at = now(), claimed_in = pg_current_xact_id() where token_hash = app.link_hash()`);
        return insert(someoneElse.id, theirLink.id);
      });
      expect(otherLink).toEqual({ error: '42501' });
      const hijack = await asRespondent(token, async () => (await client.query(`update questionnaire_links set expires_at = now() + interval '300 days' where id = $1`, [theirLink.id])).rowCount);
      expect(hijack).toBe(0);
      const claimed = await asRespondent(token, async () => {
        await client.query(`update questionnaire_links set used_at = now(), claimed_in = pg_current_xact_id() where token_hash = app.link_hash()`);
        return (await insert(mine.id, myLink.id)).rowCount;
      });
      expect(claimed).toBe(1); // …and only in the transaction that claimed it (rolled back here)
      expect(await build.count('questionnaire_responses', 'link_id = any($1)', [[myLink.id, theirLink.id]])).toBe(0);
    });
  });
});
