import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { MeetingEntity } from './meeting.entity';
import { CreateMeetingInput, MeetingListArgs, UpdateMeetingInput } from '../dtos/meeting.inputs';
import { MeetingService } from './meeting.service';

const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => MeetingEntity)
export class MeetingResolver extends crudResolver({
  entity: MeetingEntity,
  names: { many: 'Meetings', one: 'Meeting' },
  listArgs: MeetingListArgs,
  create: CreateMeetingInput,
  update: UpdateMeetingInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: { list: 'Встречи пар, групп и программ' },
  service: MeetingService,
}) {}
