import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { PersonalisedProgrammeEntity, PlanTaskEntity } from './personalised-programme.entity';
import {
  CreatePersonalisedProgrammeInput, CreatePlanTaskInput, PersonalisedProgrammeListArgs, PlanTaskListArgs, UpdatePersonalisedProgrammeInput, UpdatePlanTaskInput,
} from '../dtos/plan.inputs';
import { PlanService } from './plan.service';

const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => PersonalisedProgrammeEntity)
export class PersonalisedProgrammeResolver extends crudResolver({
  entity: PersonalisedProgrammeEntity,
  names: { many: 'PersonalisedProgrammes', one: 'PersonalisedProgramme' },
  listArgs: PersonalisedProgrammeListArgs,
  create: CreatePersonalisedProgrammeInput,
  update: UpdatePersonalisedProgrammeInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: { list: 'Персонализированные программы пар и групп', delete: 'Удаляет программу вместе с планом' },
  service: PlanService,
}) {}

/** The plan's tasks are served by PlanService under their own method names. */
@Resolver(() => PlanTaskEntity)
export class PlanTaskResolver extends crudResolver({
  entity: PlanTaskEntity,
  names: { many: 'PlanTasks', one: 'PlanTask' },
  listArgs: PlanTaskListArgs,
  create: CreatePlanTaskInput,
  update: UpdatePlanTaskInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: { list: 'Мероприятия индивидуальных планов' },
  service: PlanService,
  operations: (plans) => ({
    list: (args, filter) => plans.listTasks(args, filter),
    count: (filter) => plans.countTasks(filter),
    get: (id) => plans.getTask(id),
    create: (input) => plans.createTask(input),
    update: (id, input) => plans.updateTask(id, input),
    remove: (id) => plans.removeTask(id),
  }),
}) {}
