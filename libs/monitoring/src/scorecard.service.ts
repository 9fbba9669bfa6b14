import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import type { CreateProgrammeScorecardInput, ProgrammeScorecardFilter, UpdateProgrammeScorecardInput } from './dtos/scorecard.inputs';
import { isCalendarDate, isCleanText } from '@nastavnik/platform/graphql/validators';
import { isAcademicYear } from './questionnaire.codes';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { pgFailure, QuestionnaireOwnership, todayIso } from './questionnaire-common';
import { ProgrammeScorecardEntity, SCORECARD_SIZE } from './scorecard.entity';

const SORTABLE = sortColumns({
  ratedOn: 's.rated_on',
  academicYear: 's.academic_year',
  total: 's.total',
  level: 's.level',
  createdAt: 's.created_at',
});

/**
 * The programme effectiveness scorecard (E1–E9, 0/1/2 each): one per programme and academic
 * year, entered by the school's curator. The total and the level are computed by the database.
 */
@Injectable()
export class ScorecardService {
  constructor(
    private readonly context: TenantContext,
    private readonly ownership: QuestionnaireOwnership,
  ) {}

  async list(args: ListArgs, filter: ProgrammeScorecardFilter = {}): Promise<ProgrammeScorecardEntity[]> {
    const em = await this.context.manager();
    return (await pageOf(this.filtered(em, filter), args, SORTABLE, 'ratedOn')).items;
  }

  async count(filter: ProgrammeScorecardFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<ProgrammeScorecardEntity> {
    const scorecard = await (await this.context.manager()).findOneBy(ProgrammeScorecardEntity, { id });
    if (!scorecard) throw new NotFoundException('Оценка эффективности не найдена или недоступна.');
    return scorecard;
  }

  async create(input: CreateProgrammeScorecardInput): Promise<ProgrammeScorecardEntity> {
    const em = await this.context.manager();
    const tenantId = await this.ownership.tenantFor(input.tenantId);
    const scores = checkedScores(input.scores);
    const academicYear = checkedYear(input.academicYear);
    const ratedOn = checkedDate(input.ratedOn ?? todayIso());
    const rater = checkedRater(input.rater ?? this.context.principal.displayName);
    const id = randomUUID();
    await this.write(() =>
      em.query(
        `insert into programme_scorecards (id, tenant_id, programme_id, academic_year, e1, e2, e3, e4, e5, e6, e7, e8, e9, rated_on, rater, comment, entered_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [id, tenantId, input.programmeId.toLowerCase(), academicYear, ...scores, ratedOn, rater, checkedComment(input.comment), this.context.principal.username],
      ),
      academicYear,
    );
    return this.get(id);
  }

  async update(id: string, input: UpdateProgrammeScorecardInput): Promise<ProgrammeScorecardEntity> {
    const em = await this.context.manager();
    const current = await this.get(id);
    const changes: string[] = [];
    const values: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      values.push(value);
      changes.push(`${column} = $${values.length}`);
    };
    if (input.scores !== undefined) checkedScores(input.scores).forEach((score, i) => set(`e${i + 1}`, score));
    if (input.academicYear !== undefined) set('academic_year', checkedYear(input.academicYear));
    if (input.ratedOn !== undefined) set('rated_on', checkedDate(input.ratedOn));
    if (input.rater !== undefined) set('rater', checkedRater(input.rater));
    if (input.comment !== undefined) set('comment', checkedComment(input.comment));
    if (changes.length > 0) {
      await this.write(() => em.query(`update programme_scorecards set ${changes.join(', ')}, updated_at = now() where id = $1`, values), input.academicYear ?? current.academicYear);
    }
    return this.get(id);
  }

  async remove(id: string): Promise<ProgrammeScorecardEntity> {
    const em = await this.context.manager();
    const scorecard = await this.get(id);
    await em.query(`delete from programme_scorecards where id = $1`, [id]);
    return scorecard;
  }

  private async write(statement: () => Promise<unknown>, academicYear: string): Promise<void> {
    try {
      await statement();
    } catch (error) {
      const { code, constraint } = pgFailure(error);
      if (code === '23503' && constraint === 'programme_scorecards_programme_fk') {
        throw new ValidationFailedException('Программа наставничества не найдена в вашей организации.');
      }
      if (code === '23505' && constraint === 'programme_scorecards_one_per_year') {
        throw new ConflictException(`Для этой программы уже есть оценка эффективности за ${academicYear} учебный год — откройте её и измените.`);
      }
      throw error;
    }
  }

  private filtered(em: EntityManager, filter: ProgrammeScorecardFilter) {
    const query = em.createQueryBuilder(ProgrammeScorecardEntity, 's');
    if (filter.ids) query.andWhere('s.id = any(:ids)', { ids: filter.ids });
    if (filter.programmeId) query.andWhere('s.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.academicYear) query.andWhere('s.academic_year = :year', { year: filter.academicYear });
    if (filter.level) query.andWhere('s.level = :level', { level: filter.level });
    return query;
  }
}

/** F3: exactly nine scores, each 0, 1 or 2 — anything else is refused before Postgres sees it. */
export function checkedScores(scores: unknown): number[] {
  if (!Array.isArray(scores) || scores.length !== SCORECARD_SIZE) {
    throw new ValidationFailedException('Нужно ровно 9 оценок — по показателям E1–E9.');
  }
  const bad = scores.findIndex((s) => s !== 0 && s !== 1 && s !== 2);
  if (bad >= 0) {
    throw new ValidationFailedException(
      `Показатель E${bad + 1}: оценка — 0 (не проявляется), 1 (частично проявляется) или 2 (проявляется в полной мере).`,
      [{ field: `scores.${bad}`, message: 'Оценка — 0, 1 или 2.' }],
    );
  }
  return scores as number[];
}

function checkedYear(year: string): string {
  if (!isAcademicYear(year)) throw new ValidationFailedException('Учебный год указывается как «2022/2023» — два последовательных года.');
  return year;
}

function checkedDate(date: string): string {
  if (!isCalendarDate(date)) throw new ValidationFailedException('Дата оценки указывается как «2023-05-31».');
  if (date > todayIso()) throw new ValidationFailedException('Дата оценки не может быть в будущем.');
  return date;
}

function checkedRater(rater: string): string {
  const trimmed = rater.trim();
  if (trimmed.length < 2 || trimmed.length > 300 || !isCleanText(trimmed)) throw new ValidationFailedException('Кто оценивал — от 2 до 300 символов.');
  return trimmed;
}

function checkedComment(comment: string | null | undefined): string | null {
  const trimmed = comment?.trim() || null;
  if (trimmed && (trimmed.length > 4000 || !isCleanText(trimmed))) throw new ValidationFailedException('Комментарий — не длиннее 4000 символов, без управляющих символов.');
  return trimmed;
}
