import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { CreateTenantInput, TenantListArgs, UpdateTenantInput } from './dtos/tenant.inputs';
import { TenantEntity } from './tenant.entity';
import { TenantService } from './tenant.service';

const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

@Resolver(() => TenantEntity)
export class TenantResolver {
  constructor(private readonly tenants: TenantService) {}

  @Roles(...READERS)
  @Query(() => [TenantEntity], { description: 'Узлы дерева, видимые вызывающему' })
  async allTenants(@Args() args: TenantListArgs): Promise<TenantEntity[]> {
    return (await this.tenants.list(args, args.filter)).items;
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allTenantsMeta(@Args() args: TenantListArgs): Promise<ListMetadata> {
    return { count: await this.tenants.count(args.filter) };
  }

  @Roles(...READERS)
  @Query(() => TenantEntity, { name: 'Tenant' })
  tenant(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<TenantEntity> {
    return this.tenants.get(id);
  }

  @Roles(...READERS)
  @Query(() => TenantEntity, { nullable: true, description: 'Своя организация, регион или муниципалитет' })
  myTenant(): Promise<TenantEntity | null> {
    return this.tenants.mine();
  }

  @Roles('platform-admin')
  @Mutation(() => TenantEntity)
  createTenant(@Args('input') input: CreateTenantInput): Promise<TenantEntity> {
    return this.tenants.create(input);
  }

  @Roles('platform-admin')
  @Mutation(() => TenantEntity)
  updateTenant(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateTenantInput): Promise<TenantEntity> {
    return this.tenants.update(id, input);
  }

  @Roles('platform-admin')
  @Mutation(() => TenantEntity)
  deleteTenant(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<TenantEntity> {
    return this.tenants.remove(id);
  }
}
