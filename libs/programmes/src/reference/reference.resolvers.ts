import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import {
  MeetingTypeEntity, MenteeInterestEntity, MentoringDirectionEntity, MentoringFormatEntity, MentoringFormEntity, ProgrammeStageEntity, RoleModelEntity,
} from './reference.entities';
import {
  CreateMeetingTypeInput, CreateMenteeInterestInput, CreateMentoringDirectionInput, CreateMentoringFormatInput, CreateMentoringFormInput, CreateProgrammeStageInput,
  CreateRoleModelInput, MeetingTypeListArgs, MentoringDirectionListArgs, ReferenceListArgs, RoleModelListArgs, UpdateMeetingTypeInput, UpdateMenteeInterestInput,
  UpdateMentoringDirectionInput, UpdateMentoringFormatInput, UpdateMentoringFormInput, UpdateProgrammeStageInput, UpdateRoleModelInput,
} from './reference.inputs';
import { ReferenceService } from './reference.service';

/** Reference data is read by every signed-in role and written by the platform admin only. */
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

@Resolver(() => MentoringFormEntity)
export class MentoringFormResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [MentoringFormEntity], { description: 'Формы наставничества' })
  allMentoringForms(@Args() args: ReferenceListArgs): Promise<MentoringFormEntity[]> {
    return this.refs.list(MentoringFormEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allMentoringFormsMeta(@Args() args: ReferenceListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(MentoringFormEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => MentoringFormEntity, { name: 'MentoringForm' })
  mentoringForm(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MentoringFormEntity> {
    return this.refs.get(MentoringFormEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringFormEntity)
  createMentoringForm(@Args('input') input: CreateMentoringFormInput): Promise<MentoringFormEntity> {
    return this.refs.create(MentoringFormEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringFormEntity)
  updateMentoringForm(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMentoringFormInput): Promise<MentoringFormEntity> {
    return this.refs.update(MentoringFormEntity, id, input);
  }
}

@Resolver(() => RoleModelEntity)
export class RoleModelResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [RoleModelEntity], { description: 'Ролевые модели' })
  allRoleModels(@Args() args: RoleModelListArgs): Promise<RoleModelEntity[]> {
    return this.refs.list(RoleModelEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allRoleModelsMeta(@Args() args: RoleModelListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(RoleModelEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => RoleModelEntity, { name: 'RoleModel' })
  roleModel(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<RoleModelEntity> {
    return this.refs.get(RoleModelEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => RoleModelEntity)
  createRoleModel(@Args('input') input: CreateRoleModelInput): Promise<RoleModelEntity> {
    return this.refs.create(RoleModelEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => RoleModelEntity)
  updateRoleModel(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateRoleModelInput): Promise<RoleModelEntity> {
    return this.refs.update(RoleModelEntity, id, input);
  }
}

@Resolver(() => MentoringFormatEntity)
export class MentoringFormatResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [MentoringFormatEntity], { description: 'Виды наставничества' })
  allMentoringFormats(@Args() args: ReferenceListArgs): Promise<MentoringFormatEntity[]> {
    return this.refs.list(MentoringFormatEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allMentoringFormatsMeta(@Args() args: ReferenceListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(MentoringFormatEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => MentoringFormatEntity, { name: 'MentoringFormat' })
  mentoringFormat(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MentoringFormatEntity> {
    return this.refs.get(MentoringFormatEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringFormatEntity)
  createMentoringFormat(@Args('input') input: CreateMentoringFormatInput): Promise<MentoringFormatEntity> {
    return this.refs.create(MentoringFormatEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringFormatEntity)
  updateMentoringFormat(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMentoringFormatInput): Promise<MentoringFormatEntity> {
    return this.refs.update(MentoringFormatEntity, id, input);
  }
}

@Resolver(() => MentoringDirectionEntity)
export class MentoringDirectionResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [MentoringDirectionEntity], { description: 'Направления наставничества' })
  allMentoringDirections(@Args() args: MentoringDirectionListArgs): Promise<MentoringDirectionEntity[]> {
    return this.refs.list(MentoringDirectionEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allMentoringDirectionsMeta(@Args() args: MentoringDirectionListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(MentoringDirectionEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => MentoringDirectionEntity, { name: 'MentoringDirection' })
  mentoringDirection(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MentoringDirectionEntity> {
    return this.refs.get(MentoringDirectionEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringDirectionEntity)
  createMentoringDirection(@Args('input') input: CreateMentoringDirectionInput): Promise<MentoringDirectionEntity> {
    return this.refs.create(MentoringDirectionEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => MentoringDirectionEntity)
  updateMentoringDirection(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMentoringDirectionInput): Promise<MentoringDirectionEntity> {
    return this.refs.update(MentoringDirectionEntity, id, input);
  }
}

@Resolver(() => MenteeInterestEntity)
export class MenteeInterestResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [MenteeInterestEntity], { description: 'Области интересов наставляемых' })
  allMenteeInterests(@Args() args: ReferenceListArgs): Promise<MenteeInterestEntity[]> {
    return this.refs.list(MenteeInterestEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allMenteeInterestsMeta(@Args() args: ReferenceListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(MenteeInterestEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => MenteeInterestEntity, { name: 'MenteeInterest' })
  menteeInterest(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MenteeInterestEntity> {
    return this.refs.get(MenteeInterestEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => MenteeInterestEntity)
  createMenteeInterest(@Args('input') input: CreateMenteeInterestInput): Promise<MenteeInterestEntity> {
    return this.refs.create(MenteeInterestEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => MenteeInterestEntity)
  updateMenteeInterest(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMenteeInterestInput): Promise<MenteeInterestEntity> {
    return this.refs.update(MenteeInterestEntity, id, input);
  }
}

@Resolver(() => MeetingTypeEntity)
export class MeetingTypeResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [MeetingTypeEntity], { description: 'Виды встреч' })
  allMeetingTypes(@Args() args: MeetingTypeListArgs): Promise<MeetingTypeEntity[]> {
    return this.refs.list(MeetingTypeEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allMeetingTypesMeta(@Args() args: MeetingTypeListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(MeetingTypeEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => MeetingTypeEntity, { name: 'MeetingType' })
  meetingType(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<MeetingTypeEntity> {
    return this.refs.get(MeetingTypeEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => MeetingTypeEntity)
  createMeetingType(@Args('input') input: CreateMeetingTypeInput): Promise<MeetingTypeEntity> {
    return this.refs.create(MeetingTypeEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => MeetingTypeEntity)
  updateMeetingType(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateMeetingTypeInput): Promise<MeetingTypeEntity> {
    return this.refs.update(MeetingTypeEntity, id, input);
  }
}

@Resolver(() => ProgrammeStageEntity)
export class ProgrammeStageResolver {
  constructor(private readonly refs: ReferenceService) {}

  @Roles(...READERS)
  @Query(() => [ProgrammeStageEntity], { description: 'Этапы реализации целевой модели' })
  allProgrammeStages(@Args() args: ReferenceListArgs): Promise<ProgrammeStageEntity[]> {
    return this.refs.list(ProgrammeStageEntity, args, args.filter);
  }

  @Roles(...READERS)
  @Query(() => ListMetadata)
  async _allProgrammeStagesMeta(@Args() args: ReferenceListArgs): Promise<ListMetadata> {
    return { count: await this.refs.count(ProgrammeStageEntity, args.filter) };
  }

  @Roles(...READERS)
  @Query(() => ProgrammeStageEntity, { name: 'ProgrammeStage' })
  programmeStage(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ProgrammeStageEntity> {
    return this.refs.get(ProgrammeStageEntity, id);
  }

  @Roles('platform-admin')
  @Mutation(() => ProgrammeStageEntity)
  createProgrammeStage(@Args('input') input: CreateProgrammeStageInput): Promise<ProgrammeStageEntity> {
    return this.refs.create(ProgrammeStageEntity, input);
  }

  @Roles('platform-admin')
  @Mutation(() => ProgrammeStageEntity)
  updateProgrammeStage(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateProgrammeStageInput): Promise<ProgrammeStageEntity> {
    return this.refs.update(ProgrammeStageEntity, id, input);
  }
}

export const REFERENCE_RESOLVERS = [
  MentoringFormResolver, RoleModelResolver, MentoringFormatResolver, MentoringDirectionResolver, MenteeInterestResolver, MeetingTypeResolver, ProgrammeStageResolver,
];
