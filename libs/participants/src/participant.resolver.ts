import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { BaseEntriesService } from './base-entries.service';
import { ConsentEntity } from './consent.entity';
import { ConsentsService } from './consents.service';
import { todayIso, yearsBetween } from './dtos/input-helpers';
import { CreateParticipantInput, ParticipantListArgs, UpdateParticipantInput } from './dtos/participant.inputs';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { ParticipantEntity } from './participant.entity';
import { ParticipantRecordsService } from './participant-records.service';
import { Journaled } from '@nastavnik/platform/personal-data/journal';

/** Personal data: the school's curator and the platform admin; region analysts and ministry officials never. */
export const PERSONAL_DATA_ROLES = ['curator', 'platform-admin'] as const;

@Resolver(() => ParticipantEntity)
export class ParticipantResolver extends crudResolver({
  entity: ParticipantEntity,
  names: { many: 'Participants', one: 'Participant' },
  listArgs: ParticipantListArgs,
  create: CreateParticipantInput,
  update: UpdateParticipantInput,
  delete: true,
  roles: { read: PERSONAL_DATA_ROLES, write: PERSONAL_DATA_ROLES },
  descriptions: { list: 'Участники своей организации', delete: 'Удаляет участника вместе с записями в базах и согласиями' },
  service: ParticipantRecordsService,
}) {
  // The records service comes first: the base resolver is given it as its `service`.
  constructor(
    records: ParticipantRecordsService,
    private readonly entries: BaseEntriesService,
    private readonly consentRecords: ConsentsService,
  ) {
    super(records);
  }

  // Field resolvers take the parent as their first argument, undecorated (no `@Parent()`): Nest then
  // calls the method itself, not through its per-call context and pipes (apps/api/test/field-resolvers.spec.ts).
  @ResolveField(() => String, { description: 'Фамилия Имя Отчество' })
  fullName(p: ParticipantEntity): string {
    return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  }

  @ResolveField(() => Int, { nullable: true, description: 'Полных лет на сегодня' })
  age(p: ParticipantEntity): number | null {
    return p.birthDate ? yearsBetween(p.birthDate, todayIso()) : null;
  }

  @ResolveField(() => [ParticipantBaseEntryEntity], { description: 'Записи в базах наставников и наставляемых' })
  @Journaled({ entity: 'ParticipantBaseEntry', action: 'read', operation: 'Participant.baseEntries' })
  baseEntries(p: ParticipantEntity): Promise<ParticipantBaseEntryEntity[]> {
    return this.entries.forParticipant(p.id);
  }

  @ResolveField(() => [ConsentEntity], { description: 'Согласия на обработку персональных данных' })
  @Journaled({ entity: 'Consent', action: 'read', operation: 'Participant.consents' })
  consents(p: ParticipantEntity): Promise<ConsentEntity[]> {
    return this.consentRecords.forParticipant(p.id);
  }
}
