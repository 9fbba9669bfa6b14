import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { assertMove } from '../common/lifecycle';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { checkDates, today } from '../common/validators';
import { MentoringPairService } from '../pairs/mentoring-pair.service';
import { MentoringFormatEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import { PersonalisedProgrammeEntity, PlanTaskEntity } from './personalised-programme.entity';
import type {
  CreatePersonalisedProgrammeInput, CreatePlanTaskInput, PersonalisedProgrammeFilter, PlanTaskFilter, UpdatePersonalisedProgrammeInput, UpdatePlanTaskInput,
} from '../dtos/plan.inputs';
import { PLAN_LIFECYCLE } from './plan-lifecycle';

const PROGRAMME_SORTABLE = sortColumns({ title: 'pp.title', startDate: 'pp.start_date', endDate: 'pp.end_date', status: 'pp.status', createdAt: 'pp.created_at' });
const TASK_SORTABLE = sortColumns({ position: 't.position', deadline: 't.deadline', status: 't.status', title: 't.title', completedOn: 't.completed_on' });

/**
 * Personalised programmes (персонализированные программы) of pairs and groups, one per pair, and
 * their plans (индивидуальный план): activities with deadlines, status and result. A programme
 * shorter than 3 or longer than 12 months is allowed with a warning (`durationWarning`).
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly context: TenantContext,
    private readonly pairs: MentoringPairService,
    private readonly refs: ReferenceService,
  ) {}

  async list(args: ListArgs, filter: PersonalisedProgrammeFilter = {}): Promise<PersonalisedProgrammeEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, PROGRAMME_SORTABLE, 'createdAt')).items;
  }

  async count(filter: PersonalisedProgrammeFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<PersonalisedProgrammeEntity> {
    const plan = await (await this.context.manager()).findOneBy(PersonalisedProgrammeEntity, { id });
    if (!plan) throw new NotFoundException('Персонализированная программа не найдена.');
    return plan;
  }

  async create(input: CreatePersonalisedProgrammeInput): Promise<PersonalisedProgrammeEntity> {
    const em = await this.context.manager();
    const pair = await this.pairs.referenced(input.pairId);
    if (pair.status === 'completed' || pair.status === 'ended_early') throw new ValidationFailedException('Пара (группа) уже завершила работу — новая персонализированная программа не создаётся.');
    if (await em.existsBy(PersonalisedProgrammeEntity, { pairId: pair.id })) {
      throw new ConflictException('У этой пары (группы) уже есть персонализированная программа — измените её (продление, корректировка).');
    }
    checkDates(input.startDate, input.endDate);
    const saved = await em.save(em.create(PersonalisedProgrammeEntity, {
      tenantId: pair.tenantId,
      pairId: pair.id,
      title: input.title.trim(),
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      formatIds: (await this.refs.activeMany(MentoringFormatEntity, input.formatIds ?? [], 'Вид наставничества')).map((f) => f.id),
      goal: input.goal?.trim() || null,
      difficulties: input.difficulties?.trim() || null,
      strengths: input.strengths?.trim() || null,
      expectedResults: input.expectedResults?.trim() || null,
      status: 'draft',
    }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdatePersonalisedProgrammeInput): Promise<PersonalisedProgrammeEntity> {
    const em = await this.context.manager();
    const plan = await this.get(id);
    if (input.status === null) throw new ValidationFailedException('Укажите состояние персонализированной программы.');
    if (input.status !== undefined && input.status !== plan.status) assertMove(PLAN_LIFECYCLE, plan.status, input.status);
    else if (plan.status === 'completed') throw new ValidationFailedException('Персонализированная программа завершена — изменить её нельзя.');
    const changes: Partial<PersonalisedProgrammeEntity> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.startDate !== undefined) changes.startDate = input.startDate;
    if (input.endDate !== undefined) changes.endDate = input.endDate;
    if (input.formatIds !== undefined) changes.formatIds = (await this.refs.activeMany(MentoringFormatEntity, input.formatIds ?? [], 'Вид наставничества')).map((f) => f.id);
    if (input.goal !== undefined) changes.goal = input.goal?.trim() || null;
    if (input.difficulties !== undefined) changes.difficulties = input.difficulties?.trim() || null;
    if (input.strengths !== undefined) changes.strengths = input.strengths?.trim() || null;
    if (input.expectedResults !== undefined) changes.expectedResults = input.expectedResults?.trim() || null;
    if (input.status !== undefined) changes.status = input.status;
    const next = { ...plan, ...changes };
    checkDates(next.startDate, next.endDate);
    if (next.status === 'active' && (!next.startDate || !next.endDate)) {
      throw new ValidationFailedException('Чтобы начать реализацию персонализированной программы, укажите даты её начала и окончания.');
    }
    if (Object.keys(changes).length > 0) await em.update(PersonalisedProgrammeEntity, { id }, changes);
    return this.get(id);
  }

  /** Deletes the personalised programme with its plan. */
  async remove(id: string): Promise<PersonalisedProgrammeEntity> {
    const plan = await this.get(id);
    await (await this.context.manager()).delete(PersonalisedProgrammeEntity, { id });
    return plan;
  }

  async listTasks(args: ListArgs, filter: PlanTaskFilter = {}): Promise<PlanTaskEntity[]> {
    return (await pageOf(this.filteredTasks(await this.context.manager(), filter), args, TASK_SORTABLE, 'position')).items;
  }

  async countTasks(filter: PlanTaskFilter = {}): Promise<number> {
    return this.filteredTasks(await this.context.manager(), filter).getCount();
  }

  async getTask(id: string): Promise<PlanTaskEntity> {
    const task = await (await this.context.manager()).findOneBy(PlanTaskEntity, { id });
    if (!task) throw new NotFoundException('Мероприятие плана не найдено.');
    return task;
  }

  async createTask(input: CreatePlanTaskInput): Promise<PlanTaskEntity> {
    const em = await this.context.manager();
    const plan = await em.findOneBy(PersonalisedProgrammeEntity, { id: input.personalisedProgrammeId });
    if (!plan) throw new ValidationFailedException('Персонализированная программа не найдена.');
    if (plan.status === 'completed') throw new ValidationFailedException('Персонализированная программа завершена — план не меняется.');
    const [{ next }] = await em.query(
      `select coalesce(max(position), 0) + 10 as next from plan_tasks where tenant_id = $1 and personalised_programme_id = $2`,
      [plan.tenantId, plan.id],
    );
    const status = input.status ?? 'planned';
    const saved = await em.save(em.create(PlanTaskEntity, {
      tenantId: plan.tenantId,
      personalisedProgrammeId: plan.id,
      position: input.position ?? Math.min(Number(next), 100000),
      title: input.title.trim(),
      description: input.description?.trim() || null,
      deadline: input.deadline ?? null,
      responsible: input.responsible?.trim() || null,
      status,
      result: input.result?.trim() || null,
      completedOn: input.completedOn ?? (status === 'done' ? today() : null),
    }));
    return this.getTask(saved.id);
  }

  async updateTask(id: string, input: UpdatePlanTaskInput): Promise<PlanTaskEntity> {
    const em = await this.context.manager();
    const task = await this.getTask(id);
    const plan = await this.get(task.personalisedProgrammeId);
    if (plan.status === 'completed') throw new ValidationFailedException('Персонализированная программа завершена — план не меняется.');
    if (input.position === null) throw new ValidationFailedException('Укажите порядок мероприятия в плане.');
    if (input.status === null) throw new ValidationFailedException('Укажите выполнение мероприятия.');
    const changes: Partial<PlanTaskEntity> = {};
    if (input.position !== undefined) changes.position = input.position;
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.description !== undefined) changes.description = input.description?.trim() || null;
    if (input.deadline !== undefined) changes.deadline = input.deadline;
    if (input.responsible !== undefined) changes.responsible = input.responsible?.trim() || null;
    if (input.status !== undefined) changes.status = input.status;
    if (input.result !== undefined) changes.result = input.result?.trim() || null;
    if (input.completedOn !== undefined) changes.completedOn = input.completedOn;
    else if (changes.status === 'done' && !task.completedOn) changes.completedOn = today();
    if (Object.keys(changes).length > 0) await em.update(PlanTaskEntity, { id }, changes);
    return this.getTask(id);
  }

  async removeTask(id: string): Promise<PlanTaskEntity> {
    const task = await this.getTask(id);
    await (await this.context.manager()).delete(PlanTaskEntity, { id });
    return task;
  }

  private filtered(em: EntityManager, filter: PersonalisedProgrammeFilter) {
    const query = em.createQueryBuilder(PersonalisedProgrammeEntity, 'pp');
    if (filter.ids) query.andWhere('pp.id = any(:ids)', { ids: filter.ids });
    if (filter.pairId) query.andWhere('pp.pair_id = :pairId', { pairId: filter.pairId });
    if (filter.status) query.andWhere('pp.status = :status', { status: filter.status });
    if (filter.q?.trim()) query.andWhere('pp.title ilike :q', { q: containsPattern(filter.q) });
    return query;
  }

  private filteredTasks(em: EntityManager, filter: PlanTaskFilter) {
    const query = em.createQueryBuilder(PlanTaskEntity, 't');
    if (filter.ids) query.andWhere('t.id = any(:ids)', { ids: filter.ids });
    if (filter.personalisedProgrammeId) query.andWhere('t.personalised_programme_id = :planId', { planId: filter.personalisedProgrammeId });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.q?.trim()) query.andWhere('(t.title ilike :q or t.result ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }
}
