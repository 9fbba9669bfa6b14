import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { BaseEntriesService } from './base-entries.service';
import { ConsentEntity } from './consent.entity';
import { ConsentsService } from './consents.service';
import { todayIso, yearsBetween } from './dtos/input-helpers';
import { CreateParticipantInput, ParticipantListArgs, UpdateParticipantInput } from './dtos/participant.inputs';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import { ParticipantEntity } from './participant.entity';
import { ParticipantRecordsService } from './participant-records.service';

/** Personal data: the school's curator and the platform admin; region analysts and ministry officials never. */
export const PERSONAL_DATA_ROLES = ['curator', 'platform-admin'] as const;

@Resolver(() => ParticipantEntity)
export class ParticipantResolver {
  constructor(
    private readonly participants: ParticipantRecordsService,
    private readonly entries: BaseEntriesService,
    private readonly consentRecords: ConsentsService,
  ) {}

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => [ParticipantEntity], { description: 'Участники своей организации' })
  async allParticipants(@Args() args: ParticipantListArgs): Promise<ParticipantEntity[]> {
    return (await this.participants.list(args, args.filter)).items;
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ListMetadata)
  async _allParticipantsMeta(@Args() args: ParticipantListArgs): Promise<ListMetadata> {
    return { count: await this.participants.count(args.filter) };
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Query(() => ParticipantEntity, { name: 'Participant' })
  participant(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ParticipantEntity> {
    return this.participants.get(id);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantEntity)
  createParticipant(@Args('input') input: CreateParticipantInput): Promise<ParticipantEntity> {
    return this.participants.create(input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantEntity)
  updateParticipant(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateParticipantInput): Promise<ParticipantEntity> {
    return this.participants.update(id, input);
  }

  @Roles(...PERSONAL_DATA_ROLES)
  @Mutation(() => ParticipantEntity, { description: 'Удаляет участника вместе с записями в базах и согласиями' })
  deleteParticipant(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ParticipantEntity> {
    return this.participants.remove(id);
  }

  @ResolveField(() => String, { description: 'Фамилия Имя Отчество' })
  fullName(@Parent() p: ParticipantEntity): string {
    return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  }

  @ResolveField(() => Int, { nullable: true, description: 'Полных лет на сегодня' })
  age(@Parent() p: ParticipantEntity): number | null {
    return p.birthDate ? yearsBetween(p.birthDate, todayIso()) : null;
  }

  @ResolveField(() => [ParticipantBaseEntryEntity], { description: 'Записи в базах наставников и наставляемых' })
  baseEntries(@Parent() p: ParticipantEntity): Promise<ParticipantBaseEntryEntity[]> {
    return this.entries.forParticipant(p.id);
  }

  @ResolveField(() => [ConsentEntity], { description: 'Согласия на обработку персональных данных' })
  consents(@Parent() p: ParticipantEntity): Promise<ConsentEntity[]> {
    return this.consentRecords.forParticipant(p.id);
  }
}
