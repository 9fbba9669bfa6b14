import { randomBytes } from 'node:crypto';
import type { TenantRow } from '@nastavnik/testing/test-context';
import { tokenFor } from '@nastavnik/testing/test-context';
import type { DeliveredMail } from '@nastavnik/notifications/local-mail-server';
import { yearsAgo, type TemplateRow } from './questionnaires-builders';
import { NotificationsWorld } from './notifications-world';

type Result = { total: number; issued: number; alreadyIssued: number; noConsent: number; noAddress: number; linkIds: string[] };
const ISSUE = `mutation($input: IssueProgrammeLinksInput!) { issueProgrammeQuestionnaireLinks(input: $input) { total issued alreadyIssued noConsent noAddress linkIds } }`;

/**
 * «Выдать ссылки всей программе» (issue 17) against a real SMTP server: the mentees of the
 * programme's active pairs who can be written to get a link by e-mail (a minor's to the legal
 * representative), those without consent or address are counted and get none, a second press
 * issues nothing again, a mentor questionnaire goes to the mentors, another school's curator
 * issues nothing for this programme, and the operation is in the access journal.
 */
describe('notifications: questionnaire links issued for a whole programme', () => {
  let world: NotificationsWorld;
  let school: TenantRow;
  let other: TenantRow;
  let curator: string;
  let satisfaction: TemplateRow;

  const call = (token: string, input: Record<string, unknown>) => world.api.gql<{ issueProgrammeQuestionnaireLinks: Result }>(token, ISSUE, { input });
  const issue = async (input: Record<string, unknown>): Promise<Result> => {
    const response = await call(curator, input);
    if (response.errors) throw new Error(response.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
    return response.data!.issueProgrammeQuestionnaireLinks;
  };
  const person = async (options: { minor?: boolean; email?: string | null; consent?: boolean }) => {
    const minor = options.minor ?? false;
    const { rows: [row] } = await world.db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade, email) values ($1, $2, 'Программов-' || $3, 'Лев', $4, $5, $6) returning id`,
      [school.id, minor ? 'student' : 'teacher', randomBytes(3).toString('hex'), yearsAgo(minor ? 12 : 30), minor ? 6 : null, options.email ?? null],
    );
    if (options.consent ?? true) {
      await world.db.owner.query(
        `insert into consents (tenant_id, participant_id, signed_by, representative_name, representative_relation, signed_on, purposes)
         values ($1, $2, $3, $4, $5, current_date - 5, '{processing,questionnaires}')`,
        minor ? [school.id, row.id, 'legal_representative', 'Программова Ирина', 'mother'] : [school.id, row.id, 'self', null, null],
      );
    }
    return row.id;
  };
  const pair = async (programmeId: string, mentorId: string, menteeIds: string[], status: 'active' | 'draft' = 'active') => {
    const { rows: [row] } = await world.db.owner.query<{ id: string }>(
      `insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date) values ($1, $2, $3, $4, $5) returning id`,
      [school.id, programmeId, mentorId, status, status === 'active' ? '2022-09-15' : null],
    );
    for (const mentee of menteeIds) {
      await world.db.owner.query(`insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id) values ($1, $2, $3, $4)`, [school.id, row.id, mentorId, mentee]);
    }
  };
  const mailTo = (address: string, all: DeliveredMail[]) => all.filter((m) => m.to.some((to) => to.address === address));

  beforeAll(async () => {
    world = await NotificationsWorld.start('notifprog');
    ({ school } = await world.db.newSchoolWorld());
    ({ school: other } = await world.db.newSchoolWorld());
    curator = tokenFor('curator', school.code);
    satisfaction = await world.build.defaultTemplate('mentee-satisfaction');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('links by e-mail to the reachable mentees of the active pairs, the others counted; once; mentors by a mentor questionnaire; not from another school', async () => {
    const programmeId = await world.build.programme(school.id);
    const mentorEmail = `mentor-${randomBytes(3).toString('hex')}@example.test`;
    const parentEmail = `parent-${randomBytes(3).toString('hex')}@example.test`;
    const adultEmail = `adult-${randomBytes(3).toString('hex')}@example.test`;
    const mentor = await person({ email: mentorEmail });
    const minorWithParent = await person({ minor: true, email: `kid-${randomBytes(3).toString('hex')}@example.test` });
    const adultMentee = await person({ email: adultEmail });
    const minorNoAddress = await person({ minor: true, email: `kid2-${randomBytes(3).toString('hex')}@example.test` });
    const noConsent = await person({ email: `nc-${randomBytes(3).toString('hex')}@example.test`, consent: false });
    const inDraft = await person({ email: `draft-${randomBytes(3).toString('hex')}@example.test` });
    await pair(programmeId, mentor, [minorWithParent, adultMentee]);
    await pair(programmeId, mentor, [minorNoAddress, noConsent]);
    await pair(programmeId, mentor, [inDraft], 'draft');
    const contact = await world.api.gql(curator, `mutation($input: NotificationContactInput!) { setNotificationContact(input: $input) { email } }`, {
      input: { participantId: minorWithParent, email: parentEmail, name: 'Ирина Программова', representative: true },
    });
    expect(contact.errors).toBeUndefined();

    // Another school's curator: the programme is not theirs — nothing is issued, nothing written.
    const foreign = await call(tokenFor('curator', other.code), { programmeId, templateId: satisfaction.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(await world.build.count('questionnaire_links')).toBe(0);

    const first = await issue({ programmeId, templateId: satisfaction.id, expiresInDays: 10 });
    expect(first).toMatchObject({ total: 4, issued: 2, alreadyIssued: 0, noConsent: 1, noAddress: 1 });
    expect(first.linkIds).toHaveLength(2);
    const { rows: links } = await world.db.owner.query<{ participant_id: string; programme_id: string; days: number }>(
      `select participant_id, programme_id, round(extract(epoch from expires_at - created_at) / 86400)::int as days from questionnaire_links order by participant_id`,
    );
    expect(links.map((l) => l.participant_id).sort()).toEqual([minorWithParent, adultMentee].sort());
    expect(links.every((l) => l.programme_id === programmeId && l.days === 10)).toBe(true);
    const { rows: queued } = await world.db.owner.query<{ recipient_email: string; status: string }>(`select recipient_email, status from notifications where kind = 'questionnaire_link'`);
    expect(queued.map((q) => q.recipient_email).sort()).toEqual([parentEmail, adultEmail].sort());

    // A second press: everyone reachable holds an active link already.
    expect(await issue({ programmeId, templateId: satisfaction.id })).toMatchObject({ total: 4, issued: 0, alreadyIssued: 2, noConsent: 1, noAddress: 1 });
    expect(await world.build.count('notifications')).toBe(2);

    // The worker delivers them to the real SMTP server: the minor's to the representative.
    await world.startWorker();
    await world.waitFor('two messages delivered', async () => (await world.mail.messages()).length >= 2);
    const all = await world.mail.messages();
    expect(mailTo(parentEmail, all)).toHaveLength(1);
    expect(mailTo(adultEmail, all)).toHaveLength(1);
    expect(all).toHaveLength(2);
    expect(mailTo(parentEmail, all)[0].text).toMatch(/Здравствуйте, Ирина Программова![\s\S]*законный представитель участника: Лев Программов-[\s\S]*\/q\/[A-Za-z0-9_-]{43}/);

    // A mentor questionnaire goes to the mentors (one mentor of both active pairs).
    const mentorTemplate = await world.build.defaultTemplate('mentor-satisfaction');
    expect(await issue({ programmeId, templateId: mentorTemplate.id })).toMatchObject({ total: 1, issued: 1 });
    await world.waitFor('the mentor’s message', async () => mailTo(mentorEmail, await world.mail.messages()).length === 1);

    // A curator's questionnaire is not issued to participants.
    const curatorTemplate = await world.build.defaultTemplate('curator-quality');
    const refused = await call(curator, { programmeId, templateId: curatorTemplate.id });
    expect(refused.errors?.[0]?.message).toMatch(/заполняет куратор/);

    // The access journal names the links issued (ids, no addresses).
    const { rows: journal } = await world.db.owner.query<{ entity_ids: string[]; action: string }>(
      `select entity_ids, action from access_journal where operation = 'issueProgrammeQuestionnaireLinks' and tenant_id = $1 order by seq`,
      [school.id],
    );
    expect(journal[0].action).toBe('create');
    expect([...journal[0].entity_ids].sort()).toEqual([...first.linkIds].sort());
  }, 120_000);
});
