import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import type { EntityManager } from 'typeorm';
import { today } from '../common/validators';
import { CompetitionStatus, NOMINATION_TITLES, type CompetitionResult } from './completion.codes';
import { CompetitionEntryEntity, MentorCompetitionEntity, MentorNominationEntity } from './completion.entities';
import type { CompetitionEntryFilter, CreateMentorCompetitionInput, MentorCompetitionFilter, UpdateMentorCompetitionInput } from './completion.inputs';

const COMPETITIONS = sortColumns({ title: 'c.title', academicYear: 'c.academic_year', status: 'c.status', entriesUntil: 'c.entries_until', createdAt: 'c.created_at' });
const ENTRIES = sortColumns({ nomination: 'e.nomination', mentorName: 'e.mentor_name', schoolName: 'e.school_name', result: 'e.result', createdAt: 'e.created_at' });

/**
 * The regional competition of mentors (конкурс наставников): the region's analyst runs it
 * (nominations, results), a school's curator enters its nominations. What the region reads of a
 * school's recognition is only what the school entered (docs/adr/0036).
 */
@Injectable()
export class MentorCompetitionService {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  // ── competitions ────────────────────────────────────────────────────────────
  async list(args: ListArgs, filter: MentorCompetitionFilter = {}): Promise<MentorCompetitionEntity[]> {
    return (await pageOf(this.competitions(await this.context.manager(), filter), args, COMPETITIONS, 'createdAt')).items;
  }

  async count(filter: MentorCompetitionFilter = {}): Promise<number> {
    return this.competitions(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<MentorCompetitionEntity> {
    const found = await (await this.context.manager()).findOneBy(MentorCompetitionEntity, { id });
    if (!found) throw new NotFoundException('Конкурс не найден.');
    return found;
  }

  async create(input: CreateMentorCompetitionInput): Promise<MentorCompetitionEntity> {
    const scope = this.context.scope;
    if (scope.role !== 'region-analyst' || !scope.tenantId) throw new ForbiddenException('Конкурс проводит аналитик регионального центра.');
    const em = await this.context.manager();
    await this.ensureUniqueTitle(em, scope.tenantId, input.academicYear, input.title.trim(), null);
    const saved = await em.save(
      em.create(MentorCompetitionEntity, {
        tenantId: scope.tenantId,
        title: input.title.trim(),
        academicYear: input.academicYear,
        nominations: [...new Set(input.nominations)],
        entriesUntil: input.entriesUntil ?? null,
        status: CompetitionStatus.OPEN,
      }),
    );
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateMentorCompetitionInput): Promise<MentorCompetitionEntity> {
    const em = await this.context.manager();
    const found = await this.writable(id);
    const changes: Partial<MentorCompetitionEntity> = {};
    if (input.title) changes.title = input.title.trim();
    if (input.academicYear) changes.academicYear = input.academicYear;
    if (input.nominations) {
      changes.nominations = [...new Set(input.nominations)];
      const [{ n }] = await em.query(`select count(*)::int as n from competition_entries where competition_id = $1 and not (nomination = any ($2::text[]))`, [id, changes.nominations]);
      if (n > 0) throw new ConflictException('В номинациях, которые вы убираете, уже есть заявки.');
    }
    if (input.entriesUntil !== undefined) changes.entriesUntil = input.entriesUntil ?? null;
    if (input.status) changes.status = input.status;
    if (changes.title || changes.academicYear) await this.ensureUniqueTitle(em, found.tenantId, changes.academicYear ?? found.academicYear, changes.title ?? found.title, id);
    if (Object.keys(changes).length > 0) await em.update(MentorCompetitionEntity, { id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<MentorCompetitionEntity> {
    const em = await this.context.manager();
    const found = await this.writable(id);
    const [{ n }] = await em.query(`select count(*)::int as n from competition_entries where competition_id = $1`, [id]);
    if (n > 0) throw new ConflictException(`На конкурс подано заявок: ${n}. Конкурс с заявками не удаляется — завершите его.`);
    await em.delete(MentorCompetitionEntity, { id });
    return found;
  }

  // ── entries ─────────────────────────────────────────────────────────────────
  async listEntries(args: ListArgs, filter: CompetitionEntryFilter = {}): Promise<CompetitionEntryEntity[]> {
    return (await pageOf(this.entries(await this.context.manager(), filter), args, ENTRIES, 'createdAt')).items;
  }

  async countEntries(filter: CompetitionEntryFilter = {}): Promise<number> {
    return this.entries(await this.context.manager(), filter).getCount();
  }

  async getEntry(id: string): Promise<CompetitionEntryEntity> {
    const found = await (await this.context.manager()).findOneBy(CompetitionEntryEntity, { id });
    if (!found) throw new NotFoundException('Заявка на конкурс не найдена.');
    return found;
  }

  /** A curator enters the school's nomination: the entry copies what the region will read. */
  async enter(competitionId: string, nominationId: string): Promise<CompetitionEntryEntity> {
    const scope = this.context.scope;
    if (scope.role !== 'curator' || !scope.tenantId) throw new ForbiddenException('Заявку на конкурс подаёт куратор своей организации.');
    const em = await this.context.manager();
    const nomination = await em.findOneBy(MentorNominationEntity, { id: nominationId });
    if (!nomination) throw new NotFoundException('Выдвижение наставника не найдено.');
    const competition = await this.get(competitionId);
    this.ensureOpen(competition);
    if (!competition.nominations.includes(nomination.nomination)) {
      throw new ValidationFailedException(`В конкурсе «${competition.title}» нет номинации «${NOMINATION_TITLES.get(nomination.nomination)}».`);
    }
    if (await em.countBy(CompetitionEntryEntity, { tenantId: nomination.tenantId, competitionId, nominationId })) throw new ConflictException('Это выдвижение уже подано на конкурс.');
    const school = await this.tenants.get(nomination.tenantId);
    const saved = await em.save(
      em.create(CompetitionEntryEntity, {
        tenantId: nomination.tenantId,
        competitionId,
        nominationId,
        nomination: nomination.nomination,
        mentorName: nomination.mentorName,
        reason: nomination.reason,
        schoolName: school.shortName || school.fullName,
        result: null,
        resultAt: null,
      }),
    );
    return this.getEntry(saved.id);
  }

  /** A curator withdraws the school's entry while the competition takes entries and has no result for it. */
  async withdraw(id: string): Promise<CompetitionEntryEntity> {
    if (this.context.scope.role !== 'curator') throw new ForbiddenException('Отозвать заявку может куратор организации.');
    const em = await this.context.manager();
    const entry = await this.getEntry(id);
    if (entry.result) throw new ConflictException('По заявке уже подведён итог — её нельзя отозвать.');
    this.ensureOpen(await this.get(entry.competitionId));
    await em.delete(CompetitionEntryEntity, { tenantId: entry.tenantId, id });
    return entry;
  }

  /** The region's analyst records (or clears) the result of an entry of a competition they run. */
  async setResult(id: string, result: CompetitionResult | null): Promise<CompetitionEntryEntity> {
    if (this.context.scope.role !== 'region-analyst') throw new ForbiddenException('Итоги конкурса подводит аналитик регионального центра.');
    const em = await this.context.manager();
    const entry = await this.getEntry(id);
    await this.writable(entry.competitionId);
    await em.update(CompetitionEntryEntity, { tenantId: entry.tenantId, id }, { result, resultAt: result ? new Date() : null });
    return this.getEntry(id);
  }

  /** A competition the caller runs: an analyst's own (or their subtree's); anyone else is refused. */
  private async writable(id: string): Promise<MentorCompetitionEntity> {
    const found = await this.get(id);
    const scope = this.context.scope;
    if (scope.role === 'platform-admin') return found;
    const [mine] = await (await this.context.manager()).query(`select 1 from mentor_competitions where id = $1 and tenant_path <@ $2::ltree`, [id, scope.tenantPath ?? '']);
    if (scope.role !== 'region-analyst' || !mine) throw new ForbiddenException('Изменять конкурс может только региональный центр, который его проводит.');
    return found;
  }

  private ensureOpen(competition: MentorCompetitionEntity): void {
    if (competition.status !== CompetitionStatus.OPEN) throw new ConflictException(`Конкурс «${competition.title}» завершён: заявки не принимаются и не отзываются.`);
    if (competition.entriesUntil && competition.entriesUntil < today()) throw new ConflictException(`Приём заявок на конкурс «${competition.title}» закончился ${competition.entriesUntil}.`);
  }

  private competitions(em: EntityManager, filter: MentorCompetitionFilter) {
    const query = em.createQueryBuilder(MentorCompetitionEntity, 'c');
    if (filter.ids) query.andWhere('c.id = any(:ids)', { ids: filter.ids });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.academicYear) query.andWhere('c.academic_year = :year', { year: filter.academicYear });
    if (filter.q?.trim()) query.andWhere('c.title ilike :q', { q: containsPattern(filter.q) });
    return query;
  }

  private entries(em: EntityManager, filter: CompetitionEntryFilter) {
    const query = em.createQueryBuilder(CompetitionEntryEntity, 'e');
    if (filter.ids) query.andWhere('e.id = any(:ids)', { ids: filter.ids });
    if (filter.competitionId) query.andWhere('e.competition_id = :competition', { competition: filter.competitionId });
    if (filter.nominationId) query.andWhere('e.nomination_id = :nomination', { nomination: filter.nominationId });
    if (filter.result) query.andWhere('e.result = :result', { result: filter.result });
    if (filter.q?.trim()) query.andWhere('(e.mentor_name ilike :q or e.school_name ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }

  private async ensureUniqueTitle(em: EntityManager, tenantId: string, academicYear: string, title: string, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(MentorCompetitionEntity, { tenantId, academicYear, title });
    if (same && same.id !== exceptId) throw new ConflictException(`Конкурс «${title}» за ${academicYear} учебный год уже есть.`);
  }
}

