import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { PersonalisedProgrammeEntity, PlanTaskEntity } from './personalised-programme.entity';
import {
  CreatePersonalisedProgrammeInput, CreatePlanTaskInput, PersonalisedProgrammeListArgs, PlanTaskListArgs, UpdatePersonalisedProgrammeInput, UpdatePlanTaskInput,
} from '../dtos/plan.inputs';
import { PlanService } from './plan.service';

@Resolver(() => PersonalisedProgrammeEntity)
export class PersonalisedProgrammeResolver {
  constructor(private readonly plans: PlanService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [PersonalisedProgrammeEntity], { description: 'Персонализированные программы пар и групп' })
  allPersonalisedProgrammes(@Args() args: PersonalisedProgrammeListArgs): Promise<PersonalisedProgrammeEntity[]> {
    return this.plans.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allPersonalisedProgrammesMeta(@Args() args: PersonalisedProgrammeListArgs): Promise<ListMetadata> {
    return { count: await this.plans.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => PersonalisedProgrammeEntity, { name: 'PersonalisedProgramme' })
  personalisedProgramme(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PersonalisedProgrammeEntity> {
    return this.plans.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PersonalisedProgrammeEntity)
  createPersonalisedProgramme(@Args('input') input: CreatePersonalisedProgrammeInput): Promise<PersonalisedProgrammeEntity> {
    return this.plans.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PersonalisedProgrammeEntity)
  updatePersonalisedProgramme(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdatePersonalisedProgrammeInput): Promise<PersonalisedProgrammeEntity> {
    return this.plans.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PersonalisedProgrammeEntity, { description: 'Удаляет программу вместе с планом' })
  deletePersonalisedProgramme(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PersonalisedProgrammeEntity> {
    return this.plans.remove(id);
  }
}

@Resolver(() => PlanTaskEntity)
export class PlanTaskResolver {
  constructor(private readonly plans: PlanService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [PlanTaskEntity], { description: 'Мероприятия индивидуальных планов' })
  allPlanTasks(@Args() args: PlanTaskListArgs): Promise<PlanTaskEntity[]> {
    return this.plans.listTasks(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allPlanTasksMeta(@Args() args: PlanTaskListArgs): Promise<ListMetadata> {
    return { count: await this.plans.countTasks(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => PlanTaskEntity, { name: 'PlanTask' })
  planTask(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PlanTaskEntity> {
    return this.plans.getTask(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PlanTaskEntity)
  createPlanTask(@Args('input') input: CreatePlanTaskInput): Promise<PlanTaskEntity> {
    return this.plans.createTask(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PlanTaskEntity)
  updatePlanTask(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdatePlanTaskInput): Promise<PlanTaskEntity> {
    return this.plans.updateTask(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => PlanTaskEntity)
  deletePlanTask(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<PlanTaskEntity> {
    return this.plans.removeTask(id);
  }
}
