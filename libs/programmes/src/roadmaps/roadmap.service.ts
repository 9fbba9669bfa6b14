import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantOwnership } from '../common/tenant-ownership';
import { checkDates } from '../common/validators';
import { OrderDocumentService } from '../orders/order-document.service';
import { ProgrammeStageEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import type { RoadmapReport } from './roadmap-report.types';
import { RoadmapEntity, RoadmapItemEntity } from './roadmap.entity';
import type {
  CreateRoadmapInput, CreateRoadmapItemInput, RoadmapFilter, RoadmapItemFilter, UpdateRoadmapInput, UpdateRoadmapItemInput,
} from '../dtos/roadmap.inputs';

const ROADMAP_SORTABLE = sortColumns({ academicYear: 'r.academic_year', title: 'r.title', createdAt: 'r.created_at' });
const ITEM_SORTABLE = sortColumns({
  position: 'i.position', number: 'i.number', status: 'i.status', plannedStart: 'i.planned_start', plannedEnd: 'i.planned_end', executedOn: 'i.executed_on',
});

/**
 * Roadmaps (дорожные карты) of an organisation, one per academic year, and their items with the
 * execution results — which together are the execution report of seed 004.
 */
@Injectable()
export class RoadmapService {
  constructor(
    private readonly context: TenantContext,
    private readonly ownership: TenantOwnership,
    private readonly refs: ReferenceService,
    private readonly orders: OrderDocumentService,
  ) {}

  async list(args: ListArgs, filter: RoadmapFilter = {}): Promise<RoadmapEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, ROADMAP_SORTABLE, 'academicYear')).items;
  }

  async count(filter: RoadmapFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<RoadmapEntity> {
    const roadmap = await (await this.context.manager()).findOneBy(RoadmapEntity, { id });
    if (!roadmap) throw new NotFoundException('Дорожная карта не найдена.');
    return roadmap;
  }

  async create(input: CreateRoadmapInput): Promise<RoadmapEntity> {
    const em = await this.context.manager();
    const tenantId = await this.ownership.forNewRecord(input.tenantId);
    await this.ensureYearFree(em, tenantId, input.academicYear, null);
    const saved = await em.save(em.create(RoadmapEntity, {
      tenantId,
      title: input.title.trim(),
      academicYear: input.academicYear,
      periodText: input.periodText?.trim() || null,
      approvalOrderId: input.approvalOrderId ? (await this.orders.referenced(input.approvalOrderId, tenantId)).id : null,
    }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateRoadmapInput): Promise<RoadmapEntity> {
    const em = await this.context.manager();
    const roadmap = await this.get(id);
    const changes: Partial<RoadmapEntity> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.academicYear !== undefined) {
      await this.ensureYearFree(em, roadmap.tenantId, input.academicYear, id);
      changes.academicYear = input.academicYear;
    }
    if (input.periodText !== undefined) changes.periodText = input.periodText?.trim() || null;
    if (input.approvalOrderId !== undefined) {
      changes.approvalOrderId = input.approvalOrderId ? (await this.orders.referenced(input.approvalOrderId, roadmap.tenantId)).id : null;
    }
    if (Object.keys(changes).length > 0) await em.update(RoadmapEntity, { id }, changes);
    return this.get(id);
  }

  /** Deletes the roadmap with its items. */
  async remove(id: string): Promise<RoadmapEntity> {
    const roadmap = await this.get(id);
    await (await this.context.manager()).delete(RoadmapEntity, { id });
    return roadmap;
  }

  async listItems(args: ListArgs, filter: RoadmapItemFilter = {}): Promise<RoadmapItemEntity[]> {
    return (await pageOf(this.filteredItems(await this.context.manager(), filter), args, ITEM_SORTABLE, 'position')).items;
  }

  async countItems(filter: RoadmapItemFilter = {}): Promise<number> {
    return this.filteredItems(await this.context.manager(), filter).getCount();
  }

  async getItem(id: string): Promise<RoadmapItemEntity> {
    const item = await (await this.context.manager()).findOneBy(RoadmapItemEntity, { id });
    if (!item) throw new NotFoundException('Мероприятие дорожной карты не найдено.');
    return item;
  }

  async createItem(input: CreateRoadmapItemInput): Promise<RoadmapItemEntity> {
    const em = await this.context.manager();
    const roadmap = await em.findOneBy(RoadmapEntity, { id: input.roadmapId });
    if (!roadmap) throw new ValidationFailedException('Дорожная карта не найдена.');
    const number = input.number.trim();
    await this.ensureNumberFree(em, roadmap, number, null);
    checkDates(input.plannedStart ?? null, input.plannedEnd ?? null, 'Плановое окончание');
    const [{ next }] = await em.query(`select coalesce(max(position), 0) + 10 as next from roadmap_items where tenant_id = $1 and roadmap_id = $2`, [roadmap.tenantId, roadmap.id]);
    const saved = await em.save(em.create(RoadmapItemEntity, {
      tenantId: roadmap.tenantId,
      roadmapId: roadmap.id,
      number,
      position: input.position ?? Math.min(Number(next), 100000),
      stageId: input.stageId ? (await this.refs.active(ProgrammeStageEntity, input.stageId, 'Этап')).id : null,
      activity: input.activity.trim(),
      content: input.content ?? [],
      scheduleText: input.scheduleText?.trim() || null,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      responsible: input.responsible?.trim() || null,
      status: input.status ?? 'planned',
      executionResult: input.executionResult?.trim() || null,
      executedOn: input.executedOn ?? null,
    }));
    return this.getItem(saved.id);
  }

  async updateItem(id: string, input: UpdateRoadmapItemInput): Promise<RoadmapItemEntity> {
    const em = await this.context.manager();
    const item = await this.getItem(id);
    if (input.position === null) throw new ValidationFailedException('Укажите порядок мероприятия в карте.');
    if (input.status === null) throw new ValidationFailedException('Укажите состояние исполнения.');
    const changes: Partial<RoadmapItemEntity> = {};
    if (input.number !== undefined) {
      const roadmap = await this.get(item.roadmapId);
      await this.ensureNumberFree(em, roadmap, input.number.trim(), id);
      changes.number = input.number.trim();
    }
    if (input.position !== undefined) changes.position = input.position;
    if (input.stageId !== undefined) changes.stageId = input.stageId ? (await this.refs.active(ProgrammeStageEntity, input.stageId, 'Этап')).id : null;
    if (input.activity !== undefined) changes.activity = input.activity.trim();
    if (input.content !== undefined) changes.content = input.content ?? [];
    if (input.scheduleText !== undefined) changes.scheduleText = input.scheduleText?.trim() || null;
    if (input.plannedStart !== undefined) changes.plannedStart = input.plannedStart;
    if (input.plannedEnd !== undefined) changes.plannedEnd = input.plannedEnd;
    if (input.responsible !== undefined) changes.responsible = input.responsible?.trim() || null;
    if (input.status !== undefined) changes.status = input.status;
    if (input.executionResult !== undefined) changes.executionResult = input.executionResult?.trim() || null;
    if (input.executedOn !== undefined) changes.executedOn = input.executedOn;
    const next = { ...item, ...changes };
    checkDates(next.plannedStart, next.plannedEnd, 'Плановое окончание');
    if (Object.keys(changes).length > 0) await em.update(RoadmapItemEntity, { id }, changes);
    return this.getItem(id);
  }

  async removeItem(id: string): Promise<RoadmapItemEntity> {
    const item = await this.getItem(id);
    await (await this.context.manager()).delete(RoadmapItemEntity, { id });
    return item;
  }

  /** The execution report: items by stage (in the stages' order; items without a stage last). */
  async report(id: string): Promise<RoadmapReport> {
    const em = await this.context.manager();
    const roadmap = await this.get(id);
    const items = await em.find(RoadmapItemEntity, { where: { roadmapId: id }, order: { position: 'ASC', number: 'ASC' } });
    const stageIds = [...new Set(items.flatMap((i) => (i.stageId ? [i.stageId] : [])))];
    const stages = stageIds.length > 0 ? await em.createQueryBuilder(ProgrammeStageEntity, 's').where('s.id = any(:ids)', { ids: stageIds }).getMany() : [];
    stages.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    const sections: RoadmapReport['sections'] = stages.map((stage) => ({ stage, items: items.filter((i) => i.stageId === stage.id) }));
    const unstaged = items.filter((i) => !i.stageId);
    if (unstaged.length > 0) sections.push({ stage: null, items: unstaged });
    const count = (status: RoadmapItemEntity['status']) => items.filter((i) => i.status === status).length;
    return {
      roadmap,
      sections,
      totals: { total: items.length, planned: count('planned'), inProgress: count('in_progress'), done: count('done'), notDone: count('not_done') },
    };
  }

  private filtered(em: EntityManager, filter: RoadmapFilter) {
    const query = em.createQueryBuilder(RoadmapEntity, 'r');
    if (filter.ids) query.andWhere('r.id = any(:ids)', { ids: filter.ids });
    if (filter.academicYear) query.andWhere('r.academic_year = :year', { year: filter.academicYear });
    if (filter.q?.trim()) query.andWhere('r.title ilike :q', { q: containsPattern(filter.q) });
    return query;
  }

  private filteredItems(em: EntityManager, filter: RoadmapItemFilter) {
    const query = em.createQueryBuilder(RoadmapItemEntity, 'i');
    if (filter.ids) query.andWhere('i.id = any(:ids)', { ids: filter.ids });
    if (filter.roadmapId) query.andWhere('i.roadmap_id = :roadmapId', { roadmapId: filter.roadmapId });
    if (filter.stageId) query.andWhere('i.stage_id = :stageId', { stageId: filter.stageId });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.q?.trim()) {
      query.andWhere('(i.activity ilike :q or i.number ilike :q or i.execution_result ilike :q or i.responsible ilike :q)', { q: containsPattern(filter.q) });
    }
    return query;
  }

  private async ensureYearFree(em: EntityManager, tenantId: string, academicYear: string, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(RoadmapEntity, { tenantId, academicYear });
    if (same && same.id !== exceptId) throw new ConflictException(`Дорожная карта на ${academicYear} учебный год уже есть: «${same.title}».`);
  }

  private async ensureNumberFree(em: EntityManager, roadmap: RoadmapEntity, number: string, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(RoadmapItemEntity, { tenantId: roadmap.tenantId, roadmapId: roadmap.id, number });
    if (same && same.id !== exceptId) throw new ConflictException(`Мероприятие № ${number} в этой дорожной карте уже есть.`);
  }
}
