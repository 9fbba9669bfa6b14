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
import { DEMO_TENANTS } from './demo-tenants';
import { demoParticipants, loadDemoParticipants } from './demo-participants';
import { DEMO_PROGRAMMES, loadDemoProgrammes } from './demo-programmes';

@Module({ imports: [PlatformModule.forRoot(loadConfig()), TenantsCoreModule, ParticipantsCoreModule, ProgrammesCoreModule] })
class SeedModule {}

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
    const people = await context.runInScope(curator, () =>
      loadDemoParticipants({ records: app.get(ParticipantRecordsService), entries: app.get(BaseEntriesService), consents: app.get(ConsentsService) }, school.id, demoParticipants(code)),
    );
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
    );
    console.log(`  ${code}: ${people.created} people created (${people.skipped} there), ${programmes.programmes} programmes, ${programmes.pairs} pairs, ${programmes.roadmapItems} roadmap items`);
  }
  await app.close();
}

seed().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
