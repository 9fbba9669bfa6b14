import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantsCoreModule } from '@nastavnik/tenants/tenants.module';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import { Module } from '@nestjs/common';
import { DEMO_TENANTS } from './demo-tenants';

@Module({ imports: [PlatformModule.forRoot(loadConfig()), TenantsCoreModule] })
class SeedModule {}

/**
 * Loads the demo data through the same services and row-level policies as the API, acting as
 * the platform admin. Idempotent: what exists (by code) is left as it is.
 */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const context = app.get(TenantContext);
  const tenants = app.get(TenantService);
  const admin = { role: 'platform-admin' as const, tenantId: null, tenantPath: null, allTenants: true, actor: 'demo-seed' };
  let created = 0;
  await context.runInScope(admin, async () => {
    const ids = new Map<string, string>();
    const existing = await tenants.list({ page: 0, perPage: 500, sortOrder: 'ASC' });
    for (const tenant of existing.items) ids.set(tenant.code, tenant.id);
    for (const demo of DEMO_TENANTS) {
      if (ids.has(demo.code)) continue;
      const tenant = await tenants.create({
        kind: demo.kind,
        code: demo.code,
        parentId: demo.parent ? ids.get(demo.parent) : null,
        fullName: demo.fullName,
        shortName: demo.shortName,
        orgType: demo.orgType ?? null,
        address: demo.address ?? null,
      });
      ids.set(demo.code, tenant.id);
      created += 1;
    }
  });
  console.log(`demo data: ${created} tenants created, ${DEMO_TENANTS.length - created} already there`);
  await app.close();
}

seed().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
