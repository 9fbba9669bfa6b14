import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { CreateTenantInput, TenantListArgs, UpdateTenantInput } from './dtos/tenant.inputs';
import { TenantEntity } from './tenant.entity';
import { TenantService } from './tenant.service';

const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

@Resolver(() => TenantEntity)
export class TenantResolver extends crudResolver({
  entity: TenantEntity,
  names: { many: 'Tenants', one: 'Tenant' },
  listArgs: TenantListArgs,
  create: CreateTenantInput,
  update: UpdateTenantInput,
  delete: true,
  roles: { read: READERS, write: ['platform-admin'] },
  descriptions: { list: 'Узлы дерева, видимые вызывающему' },
  service: TenantService,
}) {
  @Roles(...READERS)
  @Query(() => TenantEntity, { nullable: true, description: 'Своя организация, регион или муниципалитет' })
  myTenant(): Promise<TenantEntity | null> {
    return this.service.mine();
  }
}
