import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { assertMove } from '../common/lifecycle';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { checkDates } from '../common/validators';
import { TenantOwnership } from '../common/tenant-ownership';
import { OrderDocumentService } from '../orders/order-document.service';
import { MentoringDirectionEntity, MentoringFormatEntity, MentoringFormEntity, RoleModelEntity } from '../reference/reference.entities';
import { ReferenceService } from '../reference/reference.service';
import { PROGRAMME_LIFECYCLE } from './programme-lifecycle';
import { ProgrammeEntity, type ProgrammeStatus } from './programme.entity';
import type { CreateProgrammeInput, ProgrammeFilter, UpdateProgrammeInput } from '../dtos/programme.inputs';

const SORTABLE = sortColumns({
  title: 'p.title', academicYear: 'p.academic_year', status: 'p.status', startDate: 'p.start_date', endDate: 'p.end_date', createdAt: 'p.created_at',
});

/**
 * Mentoring programmes (программы наставничества) of an organisation. A programme is edited while
 * it is a draft or active; a completed one is read-only. Its role models must belong to its form.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly context: TenantContext,
    private readonly ownership: TenantOwnership,
    private readonly refs: ReferenceService,
    private readonly orders: OrderDocumentService,
  ) {}

  async list(args: ListArgs, filter: ProgrammeFilter = {}): Promise<ProgrammeEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'academicYear')).items;
  }

  async count(filter: ProgrammeFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<ProgrammeEntity> {
    const programme = await (await this.context.manager()).findOneBy(ProgrammeEntity, { id });
    if (!programme) throw new NotFoundException('Программа наставничества не найдена.');
    return programme;
  }

  /** A programme that records of another kind point at: missing means a bad reference, not a missing page. */
  async referenced(id: string): Promise<ProgrammeEntity> {
    const programme = await (await this.context.manager()).findOneBy(ProgrammeEntity, { id });
    if (!programme) throw new ValidationFailedException('Программа наставничества не найдена.');
    return programme;
  }

  async create(input: CreateProgrammeInput): Promise<ProgrammeEntity> {
    const em = await this.context.manager();
    const tenantId = await this.ownership.forNewRecord(input.tenantId);
    const form = await this.refs.active(MentoringFormEntity, input.formId, 'Форма наставничества');
    const values: Partial<ProgrammeEntity> = {
      tenantId,
      title: input.title.trim(),
      academicYear: input.academicYear,
      formId: form.id,
      roleModelIds: await this.checkedRoleModels(form, input.roleModelIds ?? []),
      formatIds: (await this.refs.activeMany(MentoringFormatEntity, input.formatIds ?? [], 'Вид наставничества')).map((f) => f.id),
      directionIds: (await this.refs.activeMany(MentoringDirectionEntity, input.directionIds ?? [], 'Направление')).map((d) => d.id),
      goal: input.goal?.trim() || form.goal,
      tasks: input.tasks?.length ? input.tasks : form.tasks,
      expectedResults: input.expectedResults?.length ? input.expectedResults : form.expectedResults,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      status: 'draft',
      approvalOrderId: input.approvalOrderId ? (await this.orders.referenced(input.approvalOrderId, tenantId)).id : null,
      mentorCapacity: input.mentorCapacity ?? 5,
    };
    checkDates(values.startDate ?? null, values.endDate ?? null);
    await this.ensureTitleFree(em, tenantId, input.academicYear, input.title.trim(), null);
    const saved = await em.save(em.create(ProgrammeEntity, values));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateProgrammeInput): Promise<ProgrammeEntity> {
    const em = await this.context.manager();
    const programme = await this.get(id);
    if (programme.status === 'completed') throw new ValidationFailedException('Программа завершена — изменить её нельзя.');
    if (input.mentorCapacity === null) throw new ValidationFailedException('Укажите наибольшее число наставляемых у наставника (от 1 до 30).');
    const changes: Partial<ProgrammeEntity> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.academicYear !== undefined) changes.academicYear = input.academicYear;
    const formChanged = input.formId !== undefined && input.formId !== programme.formId;
    if (formChanged && (await this.pairCount(em, programme)) > 0) {
      throw new ValidationFailedException('Форму наставничества нельзя менять, пока в программе есть пары и группы.');
    }
    // A retired form stays on the programmes that already use it; a new choice must be active.
    const form = formChanged && input.formId
      ? await this.refs.active(MentoringFormEntity, input.formId, 'Форма наставничества')
      : await this.refs.get(MentoringFormEntity, programme.formId);
    if (formChanged) changes.formId = form.id;
    if (input.roleModelIds !== undefined || formChanged) {
      changes.roleModelIds = await this.checkedRoleModels(form, input.roleModelIds ?? (formChanged ? [] : programme.roleModelIds));
      await this.ensureRoleModelsUnused(em, programme, changes.roleModelIds);
    }
    if (input.formatIds !== undefined) changes.formatIds = (await this.refs.activeMany(MentoringFormatEntity, input.formatIds ?? [], 'Вид наставничества')).map((f) => f.id);
    if (input.directionIds !== undefined) changes.directionIds = (await this.refs.activeMany(MentoringDirectionEntity, input.directionIds ?? [], 'Направление')).map((d) => d.id);
    if (input.goal !== undefined) changes.goal = input.goal?.trim() || null;
    if (input.tasks !== undefined) changes.tasks = input.tasks ?? [];
    if (input.expectedResults !== undefined) changes.expectedResults = input.expectedResults ?? [];
    if (input.startDate !== undefined) changes.startDate = input.startDate;
    if (input.endDate !== undefined) changes.endDate = input.endDate;
    if (input.approvalOrderId !== undefined) {
      changes.approvalOrderId = input.approvalOrderId ? (await this.orders.referenced(input.approvalOrderId, programme.tenantId)).id : null;
    }
    if (input.mentorCapacity !== undefined) changes.mentorCapacity = input.mentorCapacity;
    const next = { ...programme, ...changes };
    checkDates(next.startDate, next.endDate);
    if (next.status === 'active' && (!next.startDate || !next.endDate)) {
      throw new ValidationFailedException('У реализуемой программы должны быть указаны даты начала и окончания.');
    }
    if (changes.title !== undefined || changes.academicYear !== undefined) await this.ensureTitleFree(em, programme.tenantId, next.academicYear, next.title, id);
    if (Object.keys(changes).length > 0) await em.update(ProgrammeEntity, { id }, changes);
    return this.get(id);
  }

  async changeStatus(id: string, status: ProgrammeStatus): Promise<ProgrammeEntity> {
    const em = await this.context.manager();
    const programme = await this.get(id);
    assertMove(PROGRAMME_LIFECYCLE, programme.status, status);
    if (status === 'active' && (!programme.startDate || !programme.endDate)) {
      throw new ValidationFailedException('Чтобы начать реализацию программы, укажите даты её начала и окончания.');
    }
    if (status === 'completed') {
      const [{ open }] = await em.query(
        `select count(*)::int as open from mentoring_pairs where tenant_id = $1 and programme_id = $2 and status in ('draft', 'active')`,
        [programme.tenantId, id],
      );
      if (open > 0) throw new ValidationFailedException(`Чтобы завершить программу, завершите, прекратите или удалите её пары и группы в работе и черновики (${open}).`);
    }
    await em.update(ProgrammeEntity, { id }, { status });
    return this.get(id);
  }

  async remove(id: string): Promise<ProgrammeEntity> {
    const em = await this.context.manager();
    const programme = await this.get(id);
    if (programme.status !== 'draft') throw new ValidationFailedException('Удалить можно только черновик программы; реализуемую программу завершите.');
    const [{ used }] = await em.query(
      `select (select count(*) from mentoring_pairs where tenant_id = $1 and programme_id = $2)
            + (select count(*) from meetings where tenant_id = $1 and programme_id = $2) as used`,
      [programme.tenantId, id],
    );
    if (Number(used) > 0) throw new ConflictException('В программе уже есть пары, группы или встречи — удалите их сначала.');
    await em.delete(ProgrammeEntity, { id });
    return programme;
  }

  private filtered(em: EntityManager, filter: ProgrammeFilter) {
    const query = em.createQueryBuilder(ProgrammeEntity, 'p');
    if (filter.ids) query.andWhere('p.id = any(:ids)', { ids: filter.ids });
    if (filter.academicYear) query.andWhere('p.academic_year = :year', { year: filter.academicYear });
    if (filter.formId) query.andWhere('p.form_id = :formId', { formId: filter.formId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.q?.trim()) query.andWhere('p.title ilike :q', { q: containsPattern(filter.q) });
    return query;
  }

  private async checkedRoleModels(form: MentoringFormEntity, ids: string[]): Promise<string[]> {
    const models = await this.refs.activeMany(RoleModelEntity, ids, 'Ролевая модель');
    const foreign = models.find((m) => m.formId !== form.id);
    if (foreign) throw new ValidationFailedException(`Ролевая модель «${foreign.title}» не относится к форме «${form.title}».`);
    return models.map((m) => m.id);
  }

  private async ensureRoleModelsUnused(em: EntityManager, programme: ProgrammeEntity, kept: string[]): Promise<void> {
    const rows: { title: string }[] = await em.query(
      `select distinct r.title from mentoring_pairs p join role_models r on r.id = p.role_model_id
        where p.tenant_id = $1 and p.programme_id = $2 and not (p.role_model_id = any($3::uuid[]))`,
      [programme.tenantId, programme.id, kept],
    );
    if (rows.length > 0) throw new ValidationFailedException(`Ролевые модели используются парами программы: ${rows.map((r) => `«${r.title}»`).join(', ')}.`);
  }

  private async pairCount(em: EntityManager, programme: ProgrammeEntity): Promise<number> {
    const [{ n }] = await em.query(`select count(*)::int as n from mentoring_pairs where tenant_id = $1 and programme_id = $2`, [programme.tenantId, programme.id]);
    return n;
  }

  private async ensureTitleFree(em: EntityManager, tenantId: string, academicYear: string, title: string, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(ProgrammeEntity, { tenantId, academicYear, title });
    if (same && same.id !== exceptId) throw new ConflictException(`Программа «${title}» на ${academicYear} учебный год уже есть.`);
  }
}
