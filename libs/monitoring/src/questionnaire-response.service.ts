import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ParticipantsService } from '@nastavnik/participants/participants.service';
import type { EntityManager } from 'typeorm';
import type { CreateQuestionnaireResponseInput, QuestionnaireResponseFilter, UpdateQuestionnaireResponseInput } from './dtos/questionnaire.inputs';
import { academicYearOf, isAcademicYear } from './questionnaire.codes';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { QuestionnaireOwnership, rethrowReference } from './questionnaire-common';
import { QuestionnaireQuestionEntity } from './questionnaire-question.entity';
import { QuestionnaireAnswerEntity, QuestionnaireResponseEntity } from './questionnaire-response.entity';
import { type CheckedAnswer, checkAnswers } from './questionnaire-rules';
import type { QuestionnaireTemplateEntity } from './questionnaire-template.entity';
import { QuestionnaireTemplateService } from './questionnaire-template.service';

const SORTABLE = sortColumns({
  submittedAt: 'r.submitted_at',
  academicYear: 'r.academic_year',
  respondentRole: 'r.respondent_role',
  phase: 'r.phase',
  channel: 'r.channel',
  satisfied: 'r.satisfied',
  createdAt: 'r.created_at',
});

/** A little slack for clocks: a response "submitted" a few minutes ahead is not refused. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/**
 * Заполненные анкеты, entered by the curator (from paper forms or an interview) or received
 * through a one-time link (see RespondentService). Every response is checked against the
 * questions of the template version it answers; `satisfied` is derived there and then.
 */
@Injectable()
export class QuestionnaireResponseService {
  constructor(
    private readonly context: TenantContext,
    private readonly templates: QuestionnaireTemplateService,
    private readonly participants: ParticipantsService,
    private readonly ownership: QuestionnaireOwnership,
  ) {}

  async list(args: ListArgs, filter: QuestionnaireResponseFilter = {}): Promise<QuestionnaireResponseEntity[]> {
    const em = await this.context.manager();
    const { items } = await pageOf(this.filtered(em, filter), args, SORTABLE, 'submittedAt');
    return withAnswers(em, items);
  }

  async count(filter: QuestionnaireResponseFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<QuestionnaireResponseEntity> {
    const em = await this.context.manager();
    const response = await em.findOneBy(QuestionnaireResponseEntity, { id });
    if (!response) throw new NotFoundException('Заполненная анкета не найдена или недоступна.');
    return (await withAnswers(em, [response]))[0];
  }

  async create(input: CreateQuestionnaireResponseInput): Promise<QuestionnaireResponseEntity> {
    const em = await this.context.manager();
    const template = await this.templates.forAnswering(input.templateId);
    const tenantId = await this.respondentTenant(template, input.participantId ?? null, input.tenantId ?? null);
    const submittedAt = checkedMoment(input.submittedAt);
    const academicYear = checkedYear(input.academicYear ?? academicYearOf(submittedAt));
    const { answers, satisfied } = checkAnswers(template.questions, input.answers);
    const id = randomUUID();
    try {
      await em.query(
        `insert into questionnaire_responses
           (id, tenant_id, template_id, participant_id, programme_id, pair_id, respondent_role, academic_year, phase, channel, satisfied, submitted_at, entered_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'curator', $10, $11, $12)`,
        [
          id, tenantId, template.id, input.participantId?.toLowerCase() ?? null, input.programmeId ?? null, input.pairId ?? null,
          template.respondentRole, academicYear, template.phase, satisfied, submittedAt, this.context.principal.username,
        ],
      );
    } catch (error) {
      rethrowReference(error, 'questionnaire_responses');
    }
    await insertAnswers(em, tenantId, id, template.id, answers);
    return this.get(id);
  }

  async update(id: string, input: UpdateQuestionnaireResponseInput): Promise<QuestionnaireResponseEntity> {
    const em = await this.context.manager();
    const response = await this.get(id);
    if (response.channel === 'link' && input.answers !== undefined) {
      throw new ConflictException('Ответы, которые участник отправил по персональной ссылке, изменить нельзя. Можно удалить анкету и внести ответы заново.');
    }
    const changes: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      changes.push(`${column} = $${values.length}`);
    };
    if (input.programmeId !== undefined) set('programme_id', input.programmeId);
    if (input.pairId !== undefined) set('pair_id', input.pairId);
    if (input.academicYear !== undefined) set('academic_year', checkedYear(input.academicYear));
    if (input.submittedAt !== undefined) set('submitted_at', checkedMoment(input.submittedAt));
    if (input.answers !== undefined) {
      // Checked against the version that was answered, not the template's current one.
      const template = await this.templates.forAnswering(response.templateId, { inactive: true });
      const { answers, satisfied } = checkAnswers(template.questions, input.answers);
      set('satisfied', satisfied);
      await em.query(`delete from questionnaire_answers where response_id = $1`, [id]);
      await insertAnswers(em, response.tenantId, id, response.templateId, answers);
    }
    if (changes.length > 0) {
      try {
        await em.query(`update questionnaire_responses set ${changes.join(', ')}, updated_at = now() where id = $1`, values);
      } catch (error) {
        rethrowReference(error, 'questionnaire_responses');
      }
    }
    return this.get(id);
  }

  async remove(id: string): Promise<QuestionnaireResponseEntity> {
    const em = await this.context.manager();
    const response = await this.get(id);
    await em.query(`delete from questionnaire_responses where id = $1`, [id]);
    return response;
  }

  /**
   * The organisation a response belongs to: the participant's (who must be eligible for
   * questionnaires — a consent in force that lists them); without a participant, only for a
   * curator's questionnaire, the caller's own (an admin names it). The template must be a
   * default or that organisation's own.
   */
  async respondentTenant(template: QuestionnaireTemplateEntity, participantId: string | null, requestedTenant: string | null): Promise<string> {
    let tenantId: string;
    if (participantId) {
      await this.participants.assertEligible([participantId], 'questionnaires');
      const [person] = await this.participants.findEligible({ ids: [participantId] }, 'questionnaires');
      if (!person) throw new ValidationFailedException('Участник не найден или не дал согласие на анкетирование.');
      tenantId = person.tenantId;
      if (requestedTenant && requestedTenant.toLowerCase() !== tenantId) throw new ValidationFailedException('Участник из другой организации.');
    } else {
      if (template.respondentRole !== 'curator') {
        throw new ValidationFailedException('Укажите участника, который заполнил анкету (без участника вносится только анкета куратора).');
      }
      tenantId = (await this.ownership.tenantFor(requestedTenant)) as string;
    }
    if (template.tenantId !== null && template.tenantId !== tenantId) {
      throw new ValidationFailedException(`Анкета «${template.title}» принадлежит другой организации.`);
    }
    return tenantId;
  }

  private filtered(em: EntityManager, filter: QuestionnaireResponseFilter) {
    const query = em.createQueryBuilder(QuestionnaireResponseEntity, 'r');
    if (filter.ids) query.andWhere('r.id = any(:ids)', { ids: filter.ids });
    if (filter.templateId) query.andWhere('r.template_id = :templateId', { templateId: filter.templateId });
    if (filter.templateCode) {
      query.andWhere('r.template_id in (select t.id from questionnaire_templates t where t.code = :templateCode)', { templateCode: filter.templateCode });
    }
    if (filter.participantId) query.andWhere('r.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.programmeId) query.andWhere('r.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.pairId) query.andWhere('r.pair_id = :pairId', { pairId: filter.pairId });
    if (filter.academicYear) query.andWhere('r.academic_year = :year', { year: filter.academicYear });
    if (filter.respondentRole) query.andWhere('r.respondent_role = :role', { role: filter.respondentRole });
    if (filter.phase) query.andWhere('r.phase = :phase', { phase: filter.phase });
    if (filter.channel) query.andWhere('r.channel = :channel', { channel: filter.channel });
    if (filter.satisfied !== undefined && filter.satisfied !== null) query.andWhere('r.satisfied = :satisfied', { satisfied: filter.satisfied });
    return query;
  }
}

/** Stores checked answers of a response (one statement). */
export async function insertAnswers(em: EntityManager, tenantId: string, responseId: string, templateId: string, answers: CheckedAnswer[]): Promise<void> {
  if (answers.length === 0) return;
  const values: unknown[] = [];
  const rows = answers.map((a) => {
    values.push(randomUUID(), tenantId, responseId, templateId, a.questionId.toLowerCase(), a.value, a.text, a.options);
    const n = values.length;
    return `($${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  await em.query(
    `insert into questionnaire_answers (id, tenant_id, response_id, template_id, question_id, value_number, value_text, value_options) values ${rows.join(', ')}`,
    values,
  );
}

async function withAnswers(em: EntityManager, responses: QuestionnaireResponseEntity[]): Promise<QuestionnaireResponseEntity[]> {
  if (responses.length === 0) return responses;
  const answers = await em
    .createQueryBuilder(QuestionnaireAnswerEntity, 'a')
    .innerJoin(QuestionnaireQuestionEntity, 'q', 'q.id = a.question_id')
    .where('a.response_id = any(:ids)', { ids: responses.map((r) => r.id) })
    .orderBy('q.position', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
  for (const response of responses) response.answers = answers.filter((a) => a.responseId === response.id);
  return responses;
}

function checkedMoment(value: Date | undefined): Date {
  const moment = value ?? new Date();
  if (Number.isNaN(moment.getTime()) || moment.getTime() > Date.now() + FUTURE_SLACK_MS) {
    throw new ValidationFailedException('Дата заполнения анкеты не может быть в будущем.');
  }
  if (moment.getUTCFullYear() < 2000) throw new ValidationFailedException('Дата заполнения анкеты — не раньше 2000 года.');
  return moment;
}

function checkedYear(year: string): string {
  if (!isAcademicYear(year)) throw new ValidationFailedException('Учебный год указывается как «2022/2023» — два последовательных года.');
  return year;
}
