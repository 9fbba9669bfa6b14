import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { ConsentEntity } from './consent.entity';
import { ConsentsService } from './consents.service';
import { ConsentListArgs, CreateConsentInput, RevokeConsentArgs, UpdateConsentInput } from './dtos/consent.inputs';
import { PERSONAL_DATA_ROLES } from './participant.resolver';

@Resolver(() => ConsentEntity)
export class ConsentResolver {
  constructor(private readonly consents: ConsentsService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => [ConsentEntity], { description: 'Согласия на обработку персональных данных своей организации' })
  async allConsents(@Args() args: ConsentListArgs): Promise<ConsentEntity[]> {
    return (await this.consents.list(args, args.filter)).items;
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ListMetadata)
  async _allConsentsMeta(@Args() args: ConsentListArgs): Promise<ListMetadata> {
    return { count: await this.consents.count(args.filter) };
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ConsentEntity, { name: 'Consent' })
  consent(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ConsentEntity> {
    return this.consents.get(id);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ConsentEntity)
  createConsent(@Args('input') input: CreateConsentInput): Promise<ConsentEntity> {
    return this.consents.create(input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ConsentEntity, { description: 'Исправление ошибок ввода; отозванное согласие не изменяется' })
  updateConsent(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateConsentInput): Promise<ConsentEntity> {
    return this.consents.update(id, input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ConsentEntity, { description: 'Удаление ошибочно внесённого согласия (отказ от согласия — revokeConsent)' })
  deleteConsent(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ConsentEntity> {
    return this.consents.remove(id);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ConsentEntity, { description: 'Отзыв согласия сегодняшним днём: участник исчезает из подбора пар и анкетирования' })
  revokeConsent(@Args() args: RevokeConsentArgs): Promise<ConsentEntity> {
    return this.consents.revoke(args.id.toLowerCase(), args.reason);
  }
}
