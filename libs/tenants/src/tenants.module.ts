import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CensusTenantsJob } from './jobs/census-tenants.job';
import { TenantScopeResolver } from './tenant-scope.resolver';
import { TenantEntity } from './tenant.entity';
import { TenantResolver } from './tenant.resolver';
import { TenantService } from './tenant.service';

/** Regions → municipalities → organisations. */
@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity])],
  providers: [TenantService, TenantScopeResolver],
  exports: [TenantService, TenantScopeResolver],
})
export class TenantsCoreModule {}

/** The GraphQL surface (api only). */
@Module({ imports: [TenantsCoreModule], providers: [TenantResolver] })
export class TenantsApiModule {}

/** The jobs (worker only). */
@Module({ imports: [TenantsCoreModule], providers: [CensusTenantsJob] })
export class TenantsJobsModule {}
