import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReferenceService } from '@nastavnik/programmes/reference/reference.service';
import type { EntityManager } from 'typeorm';
import type {
  CopyQuestionnaireTemplateInput, CreateQuestionnaireQuestionInput, CreateQuestionnaireTemplateInput, QuestionnaireQuestionFilter,
  QuestionnaireTemplateFilter, UpdateQuestionnaireQuestionInput, UpdateQuestionnaireTemplateInput,
} from './dtos/questionnaire.inputs';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { QuestionnaireOwnership, templateLockKey } from './questionnaire-common';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';
import { type QuestionDraft, type QuestionRow, questionRows } from './questionnaire-rules';
import { QuestionnaireTemplateEntity } from './questionnaire-template.entity';

const SORTABLE = sortColumns({
  title: 't.title',
  code: 't.code',
  instrument: 't.instrument',
  respondentRole: 't.respondent_role',
  phase: 't.phase',
  version: 't.version',
  isActive: 't.is_active',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
});
const QUESTION_SORTABLE = sortColumns({ position: 'q.position', text: 'q.text', kind: 'q.kind', createdAt: 'q.created_at' });

type Draft = QuestionDraft & { id?: string };

/**
 * Questionnaire templates and their questions. Row-level security decides what exists for the
 * caller (defaults for everyone, a school's own for its curator); the rules here: a curator
 * edits only their school's templates, a platform admin the defaults too; editing a template
 * that has responses creates its next version instead of changing what was answered.
 *
 * Concurrency: edits of a template take an exclusive transaction-level advisory lock on it, and
 * saving a response takes the shared one, so an in-place edit and a first response never cross.
 */
@Injectable()
export class QuestionnaireTemplateService {
  constructor(
    private readonly context: TenantContext,
    private readonly ownership: QuestionnaireOwnership,
    private readonly references: ReferenceService,
  ) {}

  // ------------------------------------------------------------ reading

  async list(args: ListArgs, filter: QuestionnaireTemplateFilter = {}): Promise<QuestionnaireTemplateEntity[]> {
    const em = await this.context.manager();
    const { items } = await pageOf(this.filtered(em, filter), args, SORTABLE, 'title');
    return this.withQuestions(em, items);
  }

  async count(filter: QuestionnaireTemplateFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    const template = await em.findOneBy(QuestionnaireTemplateEntity, { id });
    if (!template) throw new NotFoundException('Анкета не найдена или недоступна.');
    return (await this.withQuestions(em, [template]))[0];
  }

  async listQuestions(args: ListArgs, filter: QuestionnaireQuestionFilter = {}): Promise<QuestionnaireQuestionEntity[]> {
    const em = await this.context.manager();
    return (await pageOf(this.filteredQuestions(em, filter), args, QUESTION_SORTABLE, 'position')).items;
  }

  async countQuestions(filter: QuestionnaireQuestionFilter = {}): Promise<number> {
    return this.filteredQuestions(await this.context.manager(), filter).getCount();
  }

  async getQuestion(id: string): Promise<QuestionnaireQuestionEntity> {
    const question = await (await this.context.manager()).findOneBy(QuestionnaireQuestionEntity, { id });
    if (!question) throw new NotFoundException('Вопрос анкеты не найден или недоступен.');
    return question;
  }

  /**
   * A template a response may be given to: visible, in use (unless `inactive`), and the current
   * version when asked.
   * Takes the shared lock, so the template cannot be edited in place until the caller commits.
   */
  async forAnswering(id: string, options: { current?: boolean; inactive?: boolean } = {}): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    await em.query(`select pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [templateLockKey(id)]);
    const template = await em.findOneBy(QuestionnaireTemplateEntity, { id });
    if (!template) throw new ValidationFailedException('Анкета не найдена или недоступна.');
    if (!template.isActive && !options.inactive) throw new ValidationFailedException(`Анкета «${template.title}» снята с использования — выберите другую.`);
    if (options.current && !template.isCurrent) {
      throw new ValidationFailedException(`Это прежняя версия анкеты «${template.title}» (версия ${template.version}) — выберите актуальную версию.`);
    }
    return (await this.withQuestions(em, [template]))[0];
  }

  // ------------------------------------------------------------ templates

  async create(input: CreateQuestionnaireTemplateInput): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    const tenantId = await this.ownership.tenantFor(input.tenantId, { allowNone: true });
    const formCodes = await this.checkedForms(input.formCodes ?? []);
    const rows = questionRows(input.questions ?? []);
    await this.ensureCodeFree(em, tenantId, input.code);
    const id = randomUUID();
    await em.query(
      `insert into questionnaire_templates (id, tenant_id, code, title, description, instrument, respondent_role, phase, form_codes, is_active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, tenantId, input.code, input.title.trim(), input.description?.trim() || null, input.instrument, input.respondentRole, input.phase ?? 'none', formCodes, input.isActive ?? true],
    );
    for (const row of rows) await insertQuestion(em, id, tenantId, row);
    return this.get(id);
  }

  async update(id: string, input: UpdateQuestionnaireTemplateInput): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    const template = await this.lockedWritable(em, id);
    const formCodes = input.formCodes ? await this.checkedForms(input.formCodes) : undefined;
    const drafts = input.questions ? input.questions.map((q): Draft => ({ ...q })) : undefined;
    if (drafts) questionRows(drafts); // refuse a bad list before anything changes
    const structural =
      drafts !== undefined ||
      (input.instrument !== undefined && input.instrument !== template.instrument) ||
      (input.respondentRole !== undefined && input.respondentRole !== template.respondentRole) ||
      (input.phase !== undefined && input.phase !== template.phase);
    let targetId = template.id;
    if (structural) {
      targetId = await this.revise(em, template, async (target) => {
        await em.query(
          `update questionnaire_templates set instrument = $2, respondent_role = $3, phase = $4, updated_at = now() where id = $1`,
          [target.id, input.instrument ?? target.instrument, input.respondentRole ?? target.respondentRole, input.phase ?? target.phase],
        );
        if (drafts) await this.saveQuestions(em, target, drafts);
      });
    }
    const changes: string[] = [];
    const values: unknown[] = [targetId];
    const set = (column: string, value: unknown) => {
      values.push(value);
      changes.push(`${column} = $${values.length}`);
    };
    if (input.title !== undefined) set('title', input.title.trim());
    if (input.description !== undefined) set('description', input.description?.trim() || null);
    if (formCodes !== undefined) set('form_codes', formCodes);
    if (changes.length > 0) await em.query(`update questionnaire_templates set ${changes.join(', ')}, updated_at = now() where id = $1`, values);
    if (input.isActive !== undefined) {
      // In use or not is a property of the questionnaire, all its versions alike.
      await em.query(
        `update questionnaire_templates set is_active = $3, updated_at = now() where tenant_id is not distinct from $1 and code = $2`,
        [template.tenantId, template.code, input.isActive],
      );
    }
    return this.get(targetId);
  }

  async remove(id: string): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    const template = await this.lockedWritable(em, id, { anyVersion: true });
    const [{ used }]: { used: boolean }[] = await em.query(
      `with family as (select id from questionnaire_templates where tenant_id is not distinct from $1 and code = $2)
       select exists (select 1 from questionnaire_responses where template_id in (select id from family))
           or exists (select 1 from questionnaire_links where template_id in (select id from family)) as used`,
      [template.tenantId, template.code],
    );
    if (used) {
      throw new ConflictException(
        `На анкету «${template.title}» уже есть ответы или выданы ссылки — удалить её нельзя. Снимите отметку «Используется», чтобы анкету больше не предлагали.`,
      );
    }
    await em.query(`delete from questionnaire_templates where tenant_id is not distinct from $1 and code = $2`, [template.tenantId, template.code]);
    return template;
  }

  /** «Скопировать в свою организацию»: the current version of a template, as version 1 of the school's own. */
  async copy(id: string, input: CopyQuestionnaireTemplateInput = {}): Promise<QuestionnaireTemplateEntity> {
    const em = await this.context.manager();
    const source = await this.get(id);
    const tenantId = await this.ownership.tenantFor(input.tenantId);
    const code = input.code ?? source.code;
    await this.ensureCodeFree(em, tenantId, code, true);
    const copyId = randomUUID();
    await em.query(
      `insert into questionnaire_templates (id, tenant_id, code, title, description, instrument, respondent_role, phase, form_codes, copied_from_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [copyId, tenantId, code, input.title?.trim() || source.title, source.description, source.instrument, source.respondentRole, source.phase, source.formCodes, source.id],
    );
    for (const question of source.questions) await insertQuestion(em, copyId, tenantId, rowOf(question));
    return this.get(copyId);
  }

  // ------------------------------------------------------------ questions

  async createQuestion(input: CreateQuestionnaireQuestionInput): Promise<QuestionnaireQuestionEntity> {
    const em = await this.context.manager();
    const template = await this.lockedWritable(em, input.templateId);
    const newId = randomUUID();
    await this.revise(em, template, async (target) => {
      const drafts = (await this.questionsOf(em, target.id)).map(draftOf);
      const { templateId: _templateId, ...fields } = input;
      const draft: Draft = { ...fields, id: newId };
      const index = Math.min(Math.max((input.position ?? drafts.length + 1) - 1, 0), drafts.length);
      drafts.splice(index, 0, draft);
      if (draft.isSatisfaction) unmarkOthers(drafts, draft);
      await this.saveQuestions(em, target, drafts, newId);
    });
    return this.getQuestion(newId);
  }

  async updateQuestion(id: string, input: UpdateQuestionnaireQuestionInput): Promise<QuestionnaireQuestionEntity> {
    const em = await this.context.manager();
    const question = await this.getQuestion(id);
    const template = await this.lockedWritable(em, question.templateId);
    let resultId = id;
    await this.revise(em, template, async (target, ids) => {
      resultId = ids.get(id) ?? id;
      const drafts = (await this.questionsOf(em, target.id)).map(draftOf);
      const index = drafts.findIndex((d) => d.id === resultId);
      if (index < 0) throw new NotFoundException('Вопрос анкеты не найден или недоступен.');
      const merged = mergeDraft(drafts[index], input);
      drafts.splice(index, 1);
      const position = input.position ?? index + 1;
      drafts.splice(Math.min(Math.max(position - 1, 0), drafts.length), 0, merged);
      if (merged.isSatisfaction) unmarkOthers(drafts, merged);
      await this.saveQuestions(em, target, drafts);
    });
    return this.getQuestion(resultId);
  }

  async removeQuestion(id: string): Promise<QuestionnaireQuestionEntity> {
    const em = await this.context.manager();
    const question = await this.getQuestion(id);
    const template = await this.lockedWritable(em, question.templateId);
    await this.revise(em, template, async (target, ids) => {
      const targetId = ids.get(id) ?? id;
      const drafts = (await this.questionsOf(em, target.id)).map(draftOf).filter((d) => d.id !== targetId);
      await this.saveQuestions(em, target, drafts);
    });
    return question;
  }

  // ------------------------------------------------------------ internals

  /**
   * Applies `change` to the template itself when nobody has answered it yet; otherwise to its
   * next version — a copy with the same questions (`ids` maps old question ids to the copies')
   * that becomes current. Returns the id of the version that was changed.
   */
  private async revise(
    em: EntityManager,
    template: QuestionnaireTemplateEntity,
    change: (target: QuestionnaireTemplateEntity, ids: Map<string, string>) => Promise<void>,
  ): Promise<string> {
    const [{ answered }]: { answered: boolean }[] = await em.query(
      `select exists (select 1 from questionnaire_responses where template_id = $1) as answered`,
      [template.id],
    );
    if (!answered) {
      await change(template, new Map());
      await em.query(`update questionnaire_templates set updated_at = now() where id = $1`, [template.id]);
      return template.id;
    }
    const [{ next }]: { next: number }[] = await em.query(
      `select coalesce(max(version), 0) + 1 as next from questionnaire_templates where tenant_id is not distinct from $1 and code = $2`,
      [template.tenantId, template.code],
    );
    await em.query(`update questionnaire_templates set is_current = false, updated_at = now() where id = $1`, [template.id]);
    const nextId = randomUUID();
    await em.query(
      `insert into questionnaire_templates
         (id, tenant_id, code, version, is_current, title, description, instrument, respondent_role, phase, form_codes, copied_from_id, is_active)
       select $2, tenant_id, code, $3, true, title, description, instrument, respondent_role, phase, form_codes, copied_from_id, is_active
         from questionnaire_templates where id = $1`,
      [template.id, nextId, next],
    );
    const ids = new Map<string, string>();
    for (const question of await this.questionsOf(em, template.id)) {
      const copyId = randomUUID();
      ids.set(question.id, copyId);
      await insertQuestion(em, nextId, template.tenantId, rowOf(question), copyId);
    }
    const target = await em.findOneByOrFail(QuestionnaireTemplateEntity, { id: nextId });
    await change(target, ids);
    return nextId;
  }

  /**
   * Makes the template's questions exactly `drafts`, in that order: drafts with an id update
   * that question, the others are inserted (with `newId` for the one being created), questions
   * not listed are deleted. Unmarked questions are written first so that the one satisfaction
   * question never exists twice on the way.
   */
  private async saveQuestions(em: EntityManager, template: QuestionnaireTemplateEntity, drafts: Draft[], newId?: string): Promise<void> {
    const rows = questionRows(drafts);
    const existing = new Set((await this.questionsOf(em, template.id)).map((q) => q.id));
    const keep = new Set(drafts.map((d) => d.id).filter((id): id is string => !!id && existing.has(id)));
    const removed = [...existing].filter((id) => !keep.has(id));
    if (removed.length > 0) await em.query(`delete from questionnaire_questions where template_id = $1 and id = any($2::uuid[])`, [template.id, removed]);
    const order = rows.map((row, i) => ({ row, draft: drafts[i] })).sort((a, b) => Number(a.row.isSatisfaction) - Number(b.row.isSatisfaction));
    for (const { row, draft } of order) {
      if (draft.id && keep.has(draft.id)) await updateQuestion(em, draft.id, row);
      else await insertQuestion(em, template.id, template.tenantId, row, draft.id ?? newId);
    }
  }

  /** Locks the template against concurrent edits and checks the caller may edit it. */
  private async lockedWritable(em: EntityManager, id: string, options: { anyVersion?: boolean } = {}): Promise<QuestionnaireTemplateEntity> {
    await em.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [templateLockKey(id)]);
    const template = await this.get(id);
    const scope = this.context.scope;
    if (scope.role !== 'platform-admin' && !(scope.role === 'curator' && template.tenantId !== null && template.tenantId === scope.tenantId)) {
      throw new ForbiddenException(
        template.tenantId === null
          ? 'Анкеты по умолчанию изменяет администратор платформы. Скопируйте анкету в свою организацию и измените копию.'
          : 'Недостаточно прав для изменения этой анкеты.',
      );
    }
    if (!options.anyVersion && !template.isCurrent) {
      throw new ConflictException(`Это прежняя версия анкеты «${template.title}» (версия ${template.version}). Откройте актуальную версию и измените её.`);
    }
    return template;
  }

  private async ensureCodeFree(em: EntityManager, tenantId: string | null, code: string, copying = false): Promise<void> {
    const taken = await em
      .createQueryBuilder(QuestionnaireTemplateEntity, 't')
      .where(tenantId === null ? 't.tenant_id is null' : 't.tenant_id = :tenantId', { tenantId })
      .andWhere('t.code = :code', { code })
      .getExists();
    if (taken) {
      throw new ConflictException(
        copying
          ? `В организации уже есть анкета с кодом «${code}». Укажите для копии другой код.`
          : `Анкета с кодом «${code}» уже есть${tenantId === null ? ' среди анкет по умолчанию' : ' в организации'}.`,
      );
    }
  }

  private async checkedForms(codes: string[]): Promise<string[]> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return [];
    const found = new Set(await this.references.mentoringFormCodes(unique));
    const missing = unique.filter((code) => !found.has(code));
    if (missing.length > 0) throw new ValidationFailedException(`Неизвестная форма наставничества: ${missing.join(', ')}.`);
    return unique;
  }

  private questionsOf(em: EntityManager, templateId: string): Promise<QuestionnaireQuestionEntity[]> {
    return em
      .createQueryBuilder(QuestionnaireQuestionEntity, 'q')
      .where('q.template_id = :templateId', { templateId })
      .orderBy('q.position', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .getMany();
  }

  private async withQuestions(em: EntityManager, templates: QuestionnaireTemplateEntity[]): Promise<QuestionnaireTemplateEntity[]> {
    if (templates.length === 0) return templates;
    const questions = await em
      .createQueryBuilder(QuestionnaireQuestionEntity, 'q')
      .where('q.template_id = any(:ids)', { ids: templates.map((t) => t.id) })
      .orderBy('q.position', 'ASC')
      .addOrderBy('q.id', 'ASC')
      .getMany();
    for (const template of templates) template.questions = questions.filter((q) => q.templateId === template.id);
    return templates;
  }

  private filtered(em: EntityManager, filter: QuestionnaireTemplateFilter) {
    const query = em.createQueryBuilder(QuestionnaireTemplateEntity, 't');
    if (filter.ids) query.andWhere('t.id = any(:ids)', { ids: filter.ids });
    else if (!filter.includeOutdated) query.andWhere('t.is_current');
    if (filter.code) query.andWhere('t.code = :code', { code: filter.code });
    if (filter.instrument) query.andWhere('t.instrument = :instrument', { instrument: filter.instrument });
    if (filter.respondentRole) query.andWhere('t.respondent_role = :role', { role: filter.respondentRole });
    if (filter.phase) query.andWhere('t.phase = :phase', { phase: filter.phase });
    if (filter.formCode) query.andWhere('(:formCode = any(t.form_codes) or cardinality(t.form_codes) = 0)', { formCode: filter.formCode });
    if (filter.isDefault === true) query.andWhere('t.tenant_id is null');
    if (filter.isDefault === false) query.andWhere('t.tenant_id is not null');
    if (filter.isActive !== undefined && filter.isActive !== null) query.andWhere('t.is_active = :active', { active: filter.isActive });
    if (filter.q?.trim()) query.andWhere('(t.title ilike :q or t.code ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }

  private filteredQuestions(em: EntityManager, filter: QuestionnaireQuestionFilter) {
    const query = em.createQueryBuilder(QuestionnaireQuestionEntity, 'q');
    if (filter.ids) query.andWhere('q.id = any(:ids)', { ids: filter.ids });
    if (filter.templateId) query.andWhere('q.template_id = :templateId', { templateId: filter.templateId });
    return query;
  }
}

function rowOf(question: QuestionnaireQuestionEntity): QuestionRow {
  return {
    position: question.position,
    kind: question.kind,
    text: question.text,
    hint: question.hint,
    required: question.required,
    scaleMin: question.scaleMin,
    scaleMax: question.scaleMax,
    minLabel: question.minLabel,
    maxLabel: question.maxLabel,
    optionCodes: question.optionCodes,
    optionLabels: question.optionLabels,
    isSatisfaction: question.isSatisfaction,
    satisfiedMin: question.satisfiedMin,
    satisfiedOptions: question.satisfiedOptions,
  };
}

function draftOf(question: QuestionnaireQuestionEntity): Draft {
  return {
    id: question.id,
    kind: question.kind,
    text: question.text,
    hint: question.hint,
    required: question.required,
    scaleMin: question.scaleMin,
    scaleMax: question.scaleMax,
    minLabel: question.minLabel,
    maxLabel: question.maxLabel,
    options: question.options.length > 0 ? question.options.map((o) => ({ ...o })) : null,
    isSatisfaction: question.isSatisfaction,
    satisfiedMin: question.satisfiedMin,
  };
}

/** An existing question with the given changes; changing its kind drops what belonged to the old kind. */
function mergeDraft(base: Draft, input: UpdateQuestionnaireQuestionInput): Draft {
  const start: Draft = { ...base };
  if (input.kind !== undefined && input.kind !== base.kind) {
    Object.assign(start, { scaleMin: null, scaleMax: null, minLabel: null, maxLabel: null, options: null, satisfiedMin: null });
  }
  const merged: Draft = { ...start };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'position') continue;
    if (value === null && (key === 'kind' || key === 'text' || key === 'required' || key === 'isSatisfaction')) continue; // cannot be "cleared"
    (merged as Record<string, unknown>)[key] = value;
  }
  if (input.isSatisfaction === false) {
    if (input.satisfiedMin === undefined) merged.satisfiedMin = null;
    if (input.options === undefined && merged.options) merged.options = merged.options.map((o) => ({ ...o, satisfied: false }));
  }
  return merged;
}

function unmarkOthers(drafts: Draft[], keep: Draft): void {
  for (const draft of drafts) {
    if (draft === keep || !draft.isSatisfaction) continue;
    draft.isSatisfaction = false;
    draft.satisfiedMin = null;
    draft.options = draft.options?.map((o) => ({ ...o, satisfied: false })) ?? null;
  }
}

async function insertQuestion(em: EntityManager, templateId: string, tenantId: string | null, row: QuestionRow, id: string = randomUUID()): Promise<void> {
  await em.query(
    `insert into questionnaire_questions
       (id, tenant_id, template_id, position, kind, text, hint, required, scale_min, scale_max, min_label, max_label,
        option_codes, option_labels, is_satisfaction, satisfied_min, satisfied_options)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [id, tenantId, templateId, ...columnsOf(row)],
  );
}

async function updateQuestion(em: EntityManager, id: string, row: QuestionRow): Promise<void> {
  await em.query(
    `update questionnaire_questions
        set position = $2, kind = $3, text = $4, hint = $5, required = $6, scale_min = $7, scale_max = $8, min_label = $9, max_label = $10,
            option_codes = $11, option_labels = $12, is_satisfaction = $13, satisfied_min = $14, satisfied_options = $15, updated_at = now()
      where id = $1`,
    [id, ...columnsOf(row)],
  );
}

function columnsOf(row: QuestionRow): unknown[] {
  return [
    row.position, row.kind, row.text, row.hint, row.required, row.scaleMin, row.scaleMax, row.minLabel, row.maxLabel,
    row.optionCodes, row.optionLabels, row.isSatisfaction, row.satisfiedMin, row.satisfiedOptions,
  ];
}
