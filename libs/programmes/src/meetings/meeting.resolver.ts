import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { MeetingEntity } from './meeting.entity';
import { CreateMeetingInput, MeetingListArgs, UpdateMeetingInput } from '../dtos/meeting.inputs';
import { MeetingService } from './meeting.service';

@Resolver(() => MeetingEntity)
export class MeetingResolver {
  constructor(private readonly meetings: MeetingService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [MeetingEntity], { description: 'Встречи пар, групп и программ' })
  allMeetings(@Args() args: MeetingListArgs): Promise<MeetingEntity[]> {
    return this.meetings.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allMeetingsMeta(@Args() args: MeetingListArgs): Promise<ListMetadata> {
    return { count: await this.meetings.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => MeetingEntity, { name: 'Meeting' })
  meeting(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MeetingEntity> {
    return this.meetings.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MeetingEntity)
  createMeeting(@Args('input') input: CreateMeetingInput): Promise<MeetingEntity> {
    return this.meetings.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MeetingEntity)
  updateMeeting(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.meetings.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => MeetingEntity)
  deleteMeeting(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MeetingEntity> {
    return this.meetings.remove(id);
  }
}
