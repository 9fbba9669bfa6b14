import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import type { EntityManager } from 'typeorm';
import { MentoringFormEntity, RoleModelEntity } from '../reference/reference.entities';
import { PracticeCaseStatus } from './completion.codes';
import { PracticeCaseEntity } from './completion.entities';
import type { CreatePracticeCaseInput, PracticeCaseFilter, UpdatePracticeCaseInput } from './completion.inputs';

const SORTABLE = sortColumns({ title: 'k.title', schoolName: 'k.school_name', academicYear: 'k.academic_year', status: 'k.status', publishedAt: 'k.published_at', submittedAt: 'k.submitted_at', createdAt: 'k.created_at', updatedAt: 'k.updated_at' });
/** The states in which the school edits its case. */
const EDITABLE: readonly string[] = [PracticeCaseStatus.DRAFT, PracticeCaseStatus.RETURNED];

/**
 * The bank of practices (банк лучших практик, методическая копилка): a school writes a case and
 * submits it, the region's analyst publishes it or returns it with a comment, every school of the
 * region reads what is published. Who sees what is the row policies' (migration 1795302300000);
 * this service checks the workflow and says in Russian why a step is refused.
 */
@Injectable()
export class PracticeCaseService {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  async list(args: ListArgs, filter: PracticeCaseFilter = {}): Promise<PracticeCaseEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'updatedAt', { nullsLast: true })).items;
  }

  async count(filter: PracticeCaseFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<PracticeCaseEntity> {
    const found = await (await this.context.manager()).findOneBy(PracticeCaseEntity, { id });
    if (!found) throw new NotFoundException('Кейс не найден.');
    return found;
  }

  async create(input: CreatePracticeCaseInput): Promise<PracticeCaseEntity> {
    const tenantId = this.curatorSchool();
    const em = await this.context.manager();
    await this.checkReferences(em, input.formId, input.roleModelId ?? null);
    const school = await this.tenants.get(tenantId);
    const saved = await em.save(
      em.create(PracticeCaseEntity, {
        tenantId,
        schoolName: school.shortName || school.fullName,
        academicYear: input.academicYear,
        title: input.title.trim(),
        formId: input.formId,
        roleModelId: input.roleModelId ?? null,
        whatWasDone: input.whatWasDone.trim(),
        results: input.results.trim(),
        status: PracticeCaseStatus.DRAFT,
      }),
    );
    return this.get(saved.id);
  }

  async update(id: string, input: UpdatePracticeCaseInput): Promise<PracticeCaseEntity> {
    const em = await this.context.manager();
    const found = await this.ownEditable(id);
    const changes: Partial<PracticeCaseEntity> = {};
    if (input.academicYear) changes.academicYear = input.academicYear;
    if (input.title) changes.title = input.title.trim();
    if (input.formId) changes.formId = input.formId;
    if (input.roleModelId !== undefined) changes.roleModelId = input.roleModelId ?? null;
    if (input.whatWasDone) changes.whatWasDone = input.whatWasDone.trim();
    if (input.results) changes.results = input.results.trim();
    await this.checkReferences(em, changes.formId ?? found.formId, changes.roleModelId === undefined ? found.roleModelId : changes.roleModelId);
    if (Object.keys(changes).length > 0) await em.update(PracticeCaseEntity, { tenantId: found.tenantId, id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<PracticeCaseEntity> {
    const em = await this.context.manager();
    const found = await this.ownEditable(id);
    await em.delete(PracticeCaseEntity, { tenantId: found.tenantId, id });
    return found;
  }

  /** The school sends its draft (or a returned case, corrected) to the region's moderation. */
  async submit(id: string): Promise<PracticeCaseEntity> {
    const em = await this.context.manager();
    const found = await this.ownEditable(id);
    await em.update(PracticeCaseEntity, { tenantId: found.tenantId, id }, { status: PracticeCaseStatus.SUBMITTED, submittedAt: new Date() });
    return this.get(id);
  }

  /** The region's analyst publishes a submitted case: every school of the region reads it from now on. */
  async publish(id: string): Promise<PracticeCaseEntity> {
    const em = await this.context.manager();
    const found = await this.moderated(id, [PracticeCaseStatus.SUBMITTED]);
    const now = new Date();
    await em.update(PracticeCaseEntity, { tenantId: found.tenantId, id }, { status: PracticeCaseStatus.PUBLISHED, moderatorComment: null, moderatedAt: now, publishedAt: now });
    return this.get(id);
  }

  /** The region's analyst returns a submitted (or published) case to the school with a comment. */
  async returnCase(id: string, comment: string): Promise<PracticeCaseEntity> {
    const em = await this.context.manager();
    const found = await this.moderated(id, [PracticeCaseStatus.SUBMITTED, PracticeCaseStatus.PUBLISHED]);
    await em.update(PracticeCaseEntity, { tenantId: found.tenantId, id }, { status: PracticeCaseStatus.RETURNED, moderatorComment: comment.trim(), moderatedAt: new Date(), publishedAt: null });
    return this.get(id);
  }

  private curatorSchool(): string {
    const scope = this.context.scope;
    if (scope.role !== 'curator' || !scope.tenantId) throw new ForbiddenException('Кейс пишет куратор своей организации.');
    return scope.tenantId;
  }

  /** The caller's own case in a state the school may change. Another school's published case is read-only. */
  private async ownEditable(id: string): Promise<PracticeCaseEntity> {
    const found = await this.get(id);
    if (found.tenantId !== this.curatorSchool()) throw new ForbiddenException('Изменять кейс может только школа, которая его написала.');
    if (!EDITABLE.includes(found.status)) {
      throw new ConflictException(found.status === PracticeCaseStatus.PUBLISHED ? 'Кейс опубликован — его текст не меняется.' : 'Кейс на модерации — дождитесь решения регионального центра.');
    }
    return found;
  }

  private async moderated(id: string, states: readonly string[]): Promise<PracticeCaseEntity> {
    if (this.context.scope.role !== 'region-analyst') throw new ForbiddenException('Модерирует кейсы аналитик регионального центра.');
    const found = await this.get(id);
    if (!states.includes(found.status)) throw new ConflictException('Кейс не на модерации: решение по нему уже принято или школа его ещё не отправила.');
    return found;
  }

  private async checkReferences(em: EntityManager, formId: string, roleModelId: string | null): Promise<void> {
    if (!(await em.countBy(MentoringFormEntity, { id: formId }))) throw new ValidationFailedException('Форма наставничества не найдена.', [{ field: 'formId', message: 'Выберите форму из справочника.' }]);
    if (roleModelId) {
      const model = await em.findOneBy(RoleModelEntity, { id: roleModelId });
      if (!model) throw new ValidationFailedException('Ролевая модель не найдена.', [{ field: 'roleModelId', message: 'Выберите ролевую модель из справочника.' }]);
      if (model.formId !== formId) throw new ValidationFailedException('Ролевая модель относится к другой форме наставничества.', [{ field: 'roleModelId', message: 'Выберите ролевую модель выбранной формы.' }]);
    }
  }

  private filtered(em: EntityManager, filter: PracticeCaseFilter) {
    const query = em.createQueryBuilder(PracticeCaseEntity, 'k');
    const scope = this.context.scope;
    if (filter.ids) query.andWhere('k.id = any(:ids)', { ids: filter.ids });
    if (filter.status) query.andWhere('k.status = :status', { status: filter.status });
    if (filter.formId) query.andWhere('k.form_id = :form', { form: filter.formId });
    // «Только кейсы моей школы»: a switch, so off means every case the caller may read.
    if (filter.own) query.andWhere('k.tenant_id = :me', { me: scope.role === 'curator' ? scope.tenantId : null });
    if (filter.q?.trim()) query.andWhere('(k.title ilike :q or k.what_was_done ilike :q or k.results ilike :q or k.school_name ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }
}
