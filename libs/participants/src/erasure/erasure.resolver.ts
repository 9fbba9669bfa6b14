import { Args, ArgsType, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { IdField } from '@nastavnik/platform/graphql/input-fields';
import { Journaled } from '@nastavnik/platform/personal-data/journal';
import { ParticipantEntity } from '../participant.entity';
import { PERSONAL_DATA_ROLES } from '../participant.resolver';
import { ErasureService } from './erasure.service';
import { ErasureReason, PersonalDataErasureEntity } from './erasure.types';

@ArgsType()
export class ParticipantIdArgs {
  @IdField('Участник') participantId!: string;
}

@ArgsType()
export class ErasureIdArgs {
  @IdField('Запрос на удаление') id!: string;
}

/** «Удалить персональные данные» (docs/adr/0025): request, cancel inside the undo window, see the requests of a person. */
@Resolver(() => PersonalDataErasureEntity)
export class ErasureResolver {
  constructor(private readonly erasures: ErasureService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => [PersonalDataErasureEntity], { description: 'Запросы на удаление персональных данных участника' })
  @Journaled({ entity: 'PersonalDataErasure', action: 'read', operation: 'personalDataErasures' })
  personalDataErasures(@Args() args: ParticipantIdArgs): Promise<PersonalDataErasureEntity[]> {
    return this.erasures.forParticipant(args.participantId.toLowerCase());
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => PersonalDataErasureEntity, {
    description: 'Удалить персональные данные участника: после окна отмены данные обезличиваются (показатели прошлых лет сохраняются)',
  })
  @Journaled({ entity: 'PersonalDataErasure', action: 'create', operation: 'requestPersonalDataErasure' })
  requestPersonalDataErasure(@Args() args: ParticipantIdArgs): Promise<PersonalDataErasureEntity> {
    return this.erasures.request(args.participantId.toLowerCase(), ErasureReason.CURATOR_REQUEST);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => PersonalDataErasureEntity, { description: 'Отменить удаление персональных данных (до окончания окна отмены)' })
  @Journaled({ entity: 'PersonalDataErasure', action: 'update', operation: 'cancelPersonalDataErasure' })
  cancelPersonalDataErasure(@Args() args: ErasureIdArgs): Promise<PersonalDataErasureEntity> {
    return this.erasures.cancel(args.id.toLowerCase());
  }
}

/** A participant's erasure requests on the card. */
@Resolver(() => ParticipantEntity)
export class ParticipantErasuresResolver {
  constructor(private readonly service: ErasureService) {}

  // The parent comes undecorated, as the first argument: Nest's fast path (apps/api/test/field-resolvers.spec.ts).
  @ResolveField(() => [PersonalDataErasureEntity], { description: 'Запросы на удаление персональных данных' })
  @Journaled({ entity: 'PersonalDataErasure', action: 'read', operation: 'Participant.erasures' })
  erasures(p: ParticipantEntity): Promise<PersonalDataErasureEntity[]> {
    return this.service.forParticipant(p.id);
  }
}
