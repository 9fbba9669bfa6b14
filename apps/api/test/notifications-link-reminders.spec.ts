import { randomBytes } from 'node:crypto';
import { todayIso } from '@nastavnik/platform/calendar';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { TenantRow } from '@nastavnik/testing/test-context';
import { tokenFor } from '@nastavnik/testing/test-context';
import { QuestionnairesCoreModule } from '@nastavnik/monitoring/questionnaires.module';
import { PLATFORM_SCOPE } from '@nastavnik/notifications/notification-scopes';
import { RunRemindersJob } from '@nastavnik/notifications/run-reminders.job';
import { yearsAgo, type TemplateRow } from './questionnaires-builders';
import { NotificationsWorld } from './notifications-world';

/**
 * Reminders of unanswered questionnaire links (issue 17): the daily run reminds — once per link —
 * the participant (or a minor's representative) of a link open for N days or more, N the school's
 * own setting, else its region's default; a link answered, withdrawn, expired or younger than N
 * days is not reminded of. The links come from the monitoring lib through the notifications lib's
 * port (docs/adr/0038), so the worker here runs with the questionnaires module beside it.
 */
describe('notifications: reminders of unanswered questionnaire links', () => {
  let world: NotificationsWorld;
  let region: TenantRow;
  let first: TenantRow;
  let second: TenantRow;
  let satisfaction: TemplateRow;

  /** An adult with an address and a consent, and a link issued to them `daysAgo` days ago. */
  const linkFor = async (school: TenantRow, daysAgo: number, state: 'open' | 'used' | 'withdrawn' | 'expired' = 'open') => {
    const email = `rem-${randomBytes(4).toString('hex')}@example.test`;
    const { rows: [person] } = await world.db.owner.query<{ id: string }>(
      `insert into participants (tenant_id, kind, last_name, first_name, birth_date, email) values ($1, 'teacher', 'Напоминаев-' || $2, 'Олег', $3, $4) returning id`,
      [school.id, randomBytes(3).toString('hex'), yearsAgo(40), email],
    );
    await world.db.owner.query(`insert into consents (tenant_id, participant_id, signed_by, signed_on, purposes) values ($1, $2, 'self', current_date - 30, '{processing,questionnaires}')`, [school.id, person.id]);
    const issued = await world.api.gql<{ createQuestionnaireLink: { id: string } }>(
      tokenFor('curator', school.code),
      `mutation($input: CreateQuestionnaireLinkInput!) { createQuestionnaireLink(input: $input) { id } }`,
      { input: { templateId: satisfaction.id, participantId: person.id, expiresInDays: 30 } },
    );
    expect(issued.errors).toBeUndefined();
    const id = issued.data!.createQuestionnaireLink.id;
    await world.db.owner.query(
      `update questionnaire_links set created_at = now() - make_interval(days => $2), expires_at = now() - make_interval(days => $2) + interval '30 days' where id = $1`,
      [id, daysAgo],
    );
    if (state === 'used') await world.db.owner.query(`update questionnaire_links set used_at = now() - interval '1 day', claimed_in = pg_current_xact_id() where id = $1`, [id]);
    if (state === 'withdrawn') await world.db.owner.query(`update questionnaire_links set withdrawn_at = now() - interval '1 day' where id = $1`, [id]);
    if (state === 'expired') await world.db.owner.query(`update questionnaire_links set expires_at = now() - interval '1 hour' where id = $1`, [id]);
    return { id, email };
  };

  beforeAll(async () => {
    world = await NotificationsWorld.start('notiflinkrem');
    ({ region, school: first } = await world.db.newSchoolWorld());
    const municipality = await world.db.newMunicipality(region);
    second = await world.db.newOrganisation(municipality);
    satisfaction = await world.build.defaultTemplate('mentee-satisfaction');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('reminds once of each link open for the school’s N days (its own, else the region’s), not of answered, withdrawn, expired or younger ones', async () => {
    // The region's default: 5 days; the second school's own: 3.
    await world.db.owner.query(
      `insert into notification_settings (tenant_id, tenant_path, link_reminder_days) select id, path, 5 from tenants where id = $1
       union all select id, path, 3 from tenants where id = $2`,
      [region.id, second.id],
    );
    const due = await linkFor(first, 6);
    const young = await linkFor(first, 4);
    await linkFor(first, 6, 'used');
    await linkFor(first, 6, 'withdrawn');
    await linkFor(first, 6, 'expired');
    const dueBySchoolSetting = await linkFor(second, 4);
    const youngInSecond = await linkFor(second, 2);
    // The links' own messages were written when they were issued; only the reminders are counted below.
    await world.db.owner.query(`delete from notifications`);

    const worker = await world.startWorker([QuestionnairesCoreModule]);
    const job = worker.get(RunRemindersJob);
    const context = worker.get(TenantContext);
    const run = () => context.runInScope(PLATFORM_SCOPE, () => job.handle({ scope: PLATFORM_SCOPE, regionPath: region.path, today: todayIso() }));
    const found = await run();
    expect(found.flatMap((s) => s.remindedLinkIds).sort()).toEqual([due.id, dueBySchoolSetting.id].sort());
    const { rows } = await world.db.owner.query<{ recipient_email: string; kind: string; subject: string }>(`select recipient_email, kind, subject from notifications order by recipient_email`);
    expect(rows.map((r) => r.recipient_email).sort()).toEqual([due.email, dueBySchoolSetting.email].sort());
    expect(rows.every((r) => r.kind === 'questionnaire_reminder' && r.subject === 'Напоминание: анкета «Удовлетворённость наставляемого участием в программе наставничества»')).toBe(true);
    expect([young.email, youngInSecond.email].some((e) => rows.some((r) => r.recipient_email === e))).toBe(false);

    // Delivered to the real SMTP server.
    await world.waitFor('both reminders delivered', async () => (await world.mail.messages()).filter((m) => m.subject.startsWith('Напоминание')).length === 2);

    // The next day's run: nothing again for the same links.
    const again = await run();
    expect(again.flatMap((s) => s.remindedLinkIds)).toEqual([]);
    expect(await world.build.count('notifications')).toBe(2);
  }, 120_000);
});
