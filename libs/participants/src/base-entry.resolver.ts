import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { BaseEntriesService } from './base-entries.service';
import { BaseEntryListArgs, CreateBaseEntryInput, UpdateBaseEntryInput } from './dtos/base-entry.inputs';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { PERSONAL_DATA_ROLES } from './participant.resolver';

@Resolver(() => ParticipantBaseEntryEntity)
export class BaseEntryResolver {
  constructor(private readonly entries: BaseEntriesService) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => [ParticipantBaseEntryEntity], { description: 'Записи баз наставников и наставляемых своей организации' })
  async allParticipantBaseEntries(@Args() args: BaseEntryListArgs): Promise<ParticipantBaseEntryEntity[]> {
    return (await this.entries.list(args, args.filter)).items;
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ListMetadata)
  async _allParticipantBaseEntriesMeta(@Args() args: BaseEntryListArgs): Promise<ListMetadata> {
    return { count: await this.entries.count(args.filter) };
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ParticipantBaseEntryEntity, { name: 'ParticipantBaseEntry' })
  participantBaseEntry(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ParticipantBaseEntryEntity> {
    return this.entries.get(id);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantBaseEntryEntity)
  createParticipantBaseEntry(@Args('input') input: CreateBaseEntryInput): Promise<ParticipantBaseEntryEntity> {
    return this.entries.create(input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantBaseEntryEntity)
  updateParticipantBaseEntry(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateBaseEntryInput): Promise<ParticipantBaseEntryEntity> {
    return this.entries.update(id, input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantBaseEntryEntity)
  deleteParticipantBaseEntry(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ParticipantBaseEntryEntity> {
    return this.entries.remove(id);
  }
}
