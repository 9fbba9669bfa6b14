import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { BaseEntriesService } from '@nastavnik/participants/base-entries.service';
import { ConsentsService } from '@nastavnik/participants/consents.service';
import { ParticipantRecordsService } from '@nastavnik/participants/participant-records.service';
import { ParticipantsCoreModule } from '@nastavnik/participants/participants.module';
import { MeetingService } from '@nastavnik/programmes/meetings/meeting.service';
import { OrderDocumentService } from '@nastavnik/programmes/orders/order-document.service';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import { PlanService } from '@nastavnik/programmes/plans/plan.service';
import { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import { ProgrammesCoreModule } from '@nastavnik/programmes/programmes.module';
import { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import { RoadmapService } from '@nastavnik/programmes/roadmaps/roadmap.service';
import { MatchSuggestionService } from '@nastavnik/programmes/suggestions/match-suggestion.service';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import { QuestionnaireLinkService } from '@nastavnik/monitoring/questionnaire-link.service';
import { QuestionnaireResponseService } from '@nastavnik/monitoring/questionnaire-response.service';
import { QuestionnaireTemplateService } from '@nastavnik/monitoring/questionnaire-template.service';
import { QuestionnairesCoreModule } from '@nastavnik/monitoring/questionnaires.module';
import { ScorecardService } from '@nastavnik/monitoring/scorecard.service';
import { NotificationsService } from '@nastavnik/notifications/notifications.service';
import { DEMO_TENANTS } from './demo-tenants';
import { loadDemoNotificationAddresses } from './demo-notifications';
import { demoParticipants, loadDemoParticipants } from './demo-participants';
import { academicYearOf, DEMO_PROGRAMMES, loadDemoProgrammes } from './demo-programmes';
import { loadDemoQuestionnaires } from './demo-questionnaires';
import { GOLDEN_PERIOD, loadGoldenMishkino } from './golden-mishkino';

@Module({ imports: [PlatformModule.forRoot(loadConfig()), TenantsCoreModule, ParticipantsCoreModule, ProgrammesCoreModule, QuestionnairesCoreModule],
  // The settings service alone: the notifications module would also hear the seeded meetings (their invitations).
  providers: [NotificationsService],
})
class SeedModule {}

/** The school whose 2022/2023 records are seed 004's (SEEDS-DOMAIN §8): its people are the golden fixture's. */
const GOLDEN_SCHOOL = 'mish';

/**
 * Loads the demo data through the same services and row-level policies as the API: the tenant
 * tree as the platform admin, then each school's people, programmes, pairs and roadmap as that
 * school's curator. Idempotent: what exists is left as it is.
 */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const context = app.get(TenantContext);
  const tenants = app.get(TenantService);
  const admin: Scope = { role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: 'demo-seed' };
  const ids = new Map<string, { id: string; path: string }>();
  let created = 0;
  await context.runInScope(admin, async () => {
    for (const tenant of (await tenants.list({ page: 0, perPage: 500, sortOrder: 'ASC' })).items) ids.set(tenant.code, tenant);
    for (const demo of DEMO_TENANTS) {
      if (ids.has(demo.code)) continue;
      const tenant = await tenants.create({
        kind: demo.kind,
        code: demo.code,
        parentId: demo.parent ? ids.get(demo.parent)?.id : null,
        fullName: demo.fullName,
        shortName: demo.shortName,
        orgType: demo.orgType ?? null,
        address: demo.address ?? null,
      });
      ids.set(demo.code, tenant);
      created += 1;
    }
  });
  console.log(`demo data: ${created} tenants created, ${DEMO_TENANTS.length - created} already there`);

  for (const code of Object.keys(DEMO_PROGRAMMES)) {
    const school = ids.get(code);
    if (!school) continue;
    const curator: Scope = { role: 'curator', tenantId: school.id, tenantPath: school.path, allTenants: false, actor: 'demo-seed' };
    const principal = { subject: 'demo-seed', username: 'demo-seed', displayName: 'Загрузка демонстрационных данных', role: 'curator' as const, tenantCode: code };
    const questionnaireServices = {
      templates: app.get(QuestionnaireTemplateService),
      responses: app.get(QuestionnaireResponseService),
      links: app.get(QuestionnaireLinkService),
      scorecards: app.get(ScorecardService),
    };
    const sql = async <T>(text: string, params: unknown[]): Promise<T[]> => (await context.manager()).query(text, params) as Promise<T[]>;
    // Мишкинская СОШ holds seed 004's raw records of 2022/2023 (people, bases, pairs, meetings,
    // satisfaction answers), from which the worker computes the published figures; its programmes
    // of the running year pair the same people (persons are not period-scoped, so no one is added).
    const people = await context.runInScope(curator, async () => {
      if (code !== GOLDEN_SCHOOL) {
        return loadDemoParticipants({ records: app.get(ParticipantRecordsService), entries: app.get(BaseEntriesService), consents: app.get(ConsentsService) }, school.id, demoParticipants(code));
      }
      const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from participants where tenant_id = $1`, [school.id]);
      if (n > 0) return { created: 0, skipped: n };
      const golden = await loadGoldenMishkino({
        records: app.get(ParticipantRecordsService),
        entries: app.get(BaseEntriesService),
        consents: app.get(ConsentsService),
        refs: app.get(ReferenceService),
        programmes: app.get(ProgrammeService),
        pairs: app.get(MentoringPairService),
        meetings: app.get(MeetingService),
        templates: questionnaireServices.templates,
        responses: questionnaireServices.responses,
      }, school.id);
      // The 2022/2023 programmes' effectiveness scorecards and the curator's quality questionnaire.
      const programmeIds = (await sql<{ id: string }>(`select id from programmes where tenant_id = $1 and academic_year = $2 order by title`, [school.id, GOLDEN_PERIOD])).map((r) => r.id);
      await loadDemoQuestionnaires(questionnaireServices, code, { academicYear: GOLDEN_PERIOD, mentees: [], mentors: [], satisfiedMentees: 0, satisfiedMentors: 0, programmeIds });
      return { created: golden.participants, skipped: 0 };
    }, principal);
    const programmes = await context.runInScope(curator, () =>
      loadDemoProgrammes({
        refs: app.get(ReferenceService),
        orders: app.get(OrderDocumentService),
        programmes: app.get(ProgrammeService),
        roadmaps: app.get(RoadmapService),
        pairs: app.get(MentoringPairService),
        suggestions: app.get(MatchSuggestionService),
        plans: app.get(PlanService),
        meetings: app.get(MeetingService),
      }, code),
      principal,
    );
    const answered = await context.runInScope(curator, async () => {
      // The running year's questionnaires: satisfaction of the pairs' members, growth before/after, scorecards, open links.
      const year = academicYearOf(new Date()).year;
      const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from questionnaire_responses where tenant_id = $1 and academic_year = $2`, [school.id, year]);
      if (n > 0) return { responses: 0 };
      const members = await sql<{ role: 'mentor' | 'mentee'; participant_id: string }>(
        `select distinct 'mentor' as role, p.mentor_id as participant_id from mentoring_pairs p join programmes pr on pr.id = p.programme_id
          where p.tenant_id = $1 and pr.academic_year = $2 and p.status = 'active'
         union
         select distinct 'mentee', m.mentee_id from pair_mentees m join mentoring_pairs p on p.id = m.pair_id join programmes pr on pr.id = p.programme_id
          where m.tenant_id = $1 and pr.academic_year = $2 and p.status = 'active'
         order by 1, 2`,
        [school.id, year],
      );
      const mentees = members.filter((m) => m.role === 'mentee').map((m) => m.participant_id);
      const mentors = members.filter((m) => m.role === 'mentor').map((m) => m.participant_id);
      const programmeIds = (await sql<{ id: string }>(`select id from programmes where tenant_id = $1 and academic_year = $2 order by title`, [school.id, year])).map((r) => r.id);
      return loadDemoQuestionnaires(questionnaireServices, code, {
        academicYear: year, mentees, mentors, programmeIds, openLinks: Math.min(2, mentees.length),
        satisfiedMentees: Math.round(mentees.length * 0.7), satisfiedMentors: Math.round(mentors.length * 0.8),
      });
    }, principal);
    console.log(`  ${code}: ${people.created} people created (${people.skipped} there), ${programmes.programmes} programmes, ${programmes.pairs} pairs, ${programmes.roadmapItems} roadmap items, ${answered.responses} questionnaire responses`);
  }
  const addresses = await loadDemoNotificationAddresses(context, app.get(NotificationsService), ids, Object.keys(DEMO_PROGRAMMES));
  console.log(`demo data: ${addresses} notification addresses set (curators', regions' analysts')`);
  await app.close();
}

seed().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
