import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { BaseEntriesService } from './base-entries.service';
import { BaseEntryListArgs, CreateBaseEntryInput, UpdateBaseEntryInput } from './dtos/base-entry.inputs';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { PERSONAL_DATA_ROLES } from './participant.resolver';

@Resolver(() => ParticipantBaseEntryEntity)
export class BaseEntryResolver extends crudResolver({
  entity: ParticipantBaseEntryEntity,
  names: { many: 'ParticipantBaseEntries', one: 'ParticipantBaseEntry' },
  listArgs: BaseEntryListArgs,
  create: CreateBaseEntryInput,
  update: UpdateBaseEntryInput,
  delete: true,
  roles: { read: PERSONAL_DATA_ROLES, write: PERSONAL_DATA_ROLES },
  descriptions: { list: 'Записи баз наставников и наставляемых своей организации' },
  service: BaseEntriesService,
}) {}
