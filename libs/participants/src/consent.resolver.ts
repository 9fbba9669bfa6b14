import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { ConsentEntity } from './consent.entity';
import { ConsentsService } from './consents.service';
import { ConsentListArgs, CreateConsentInput, RevokeConsentArgs, UpdateConsentInput } from './dtos/consent.inputs';
import { PERSONAL_DATA_ROLES } from './participant.resolver';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

@Resolver(() => ConsentEntity)
export class ConsentResolver extends crudResolver({
  entity: ConsentEntity,
  names: { many: 'Consents', one: 'Consent' },
  listArgs: ConsentListArgs,
  create: CreateConsentInput,
  update: UpdateConsentInput,
  delete: true,
  roles: { read: PERSONAL_DATA_ROLES, write: PERSONAL_DATA_ROLES },
  descriptions: {
    list: 'Согласия на обработку персональных данных своей организации',
    update: 'Исправление ошибок ввода; отозванное согласие не изменяется',
    delete: 'Удаление ошибочно внесённого согласия (отказ от согласия — revokeConsent)',
  },
  service: ConsentsService,
}) {
  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ConsentEntity, { description: 'Отзыв согласия сегодняшним днём: участник исчезает из подбора пар и анкетирования' })
  @Journaled({ entity: 'Consent', action: 'update', operation: 'revokeConsent', fields: ['revocationReason'] })
  revokeConsent(@Args() args: RevokeConsentArgs): Promise<ConsentEntity> {
    return this.service.revoke(args.id.toLowerCase(), args.reason);
  }
}
