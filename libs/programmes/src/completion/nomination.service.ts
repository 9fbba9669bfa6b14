import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ParticipantsService } from '@nastavnik/participants/participants.service';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import type { EntityManager } from 'typeorm';
import { CompetitionEntryEntity, MentorNominationEntity } from './completion.entities';
import type { CreateMentorNominationInput, MentorNominationFilter, UpdateMentorNominationInput } from './completion.inputs';
import { letterOfThanksDocument, renderLetterPdf } from './letter-of-thanks.pdf';

const SORTABLE = sortColumns({ academicYear: 'n.academic_year', nomination: 'n.nomination', mentorName: 'n.mentor_name', createdAt: 'n.created_at' });

export type LetterFile = { fileName: string; contentType: string; content: string; nomination: MentorNominationEntity };

/** A school's nominations of its mentors (выдвижение на поощрение) and the letter of thanks for each. */
@Injectable()
export class MentorNominationService {
  constructor(
    private readonly context: TenantContext,
    private readonly participants: ParticipantsService,
    private readonly tenants: TenantService,
  ) {}

  async list(args: ListArgs, filter: MentorNominationFilter = {}): Promise<MentorNominationEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'createdAt')).items;
  }

  async count(filter: MentorNominationFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<MentorNominationEntity> {
    const found = await (await this.context.manager()).findOneBy(MentorNominationEntity, { id });
    if (!found) throw new NotFoundException('Выдвижение наставника не найдено.');
    return found;
  }

  async create(input: CreateMentorNominationInput): Promise<MentorNominationEntity> {
    const tenantId = this.curatorSchool();
    const em = await this.context.manager();
    const [mentor] = await this.participants.findEligible({ ids: [input.mentorId] }, 'reports');
    if (!mentor) throw new ValidationFailedException('Наставник не найден в вашей организации или у него нет действующего согласия на обработку персональных данных для отчётов.', [{ field: 'mentorId', message: 'Выберите наставника своей организации с согласием.' }]);
    const mentorName = [mentor.lastName, mentor.firstName, mentor.middleName].filter(Boolean).join(' ');
    await this.ensureUnique(em, tenantId, input.academicYear, input.nomination, input.mentorId, null);
    const saved = await em.save(em.create(MentorNominationEntity, { tenantId, academicYear: input.academicYear, nomination: input.nomination, mentorId: mentor.id, mentorName, reason: input.reason.trim() }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateMentorNominationInput): Promise<MentorNominationEntity> {
    const em = await this.context.manager();
    const found = await this.get(id);
    const changes: Partial<MentorNominationEntity> = {};
    if (input.nomination !== undefined && input.nomination !== null) changes.nomination = input.nomination;
    if (input.reason !== undefined && input.reason !== null) changes.reason = input.reason.trim();
    await this.ensureUnique(em, found.tenantId, found.academicYear, changes.nomination ?? found.nomination, found.mentorId, id);
    if (Object.keys(changes).length > 0) await em.update(MentorNominationEntity, { tenantId: found.tenantId, id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<MentorNominationEntity> {
    const em = await this.context.manager();
    const found = await this.get(id);
    if (await em.countBy(CompetitionEntryEntity, { tenantId: found.tenantId, nominationId: id })) {
      throw new ConflictException('Выдвижение подано на конкурс — сначала отзовите заявку.');
    }
    await em.delete(MentorNominationEntity, { tenantId: found.tenantId, id });
    return found;
  }

  /** Благодарственное письмо for the nominated mentor, signed on behalf of the school: a one-page PDF. */
  async letter(id: string): Promise<LetterFile> {
    const nomination = await this.get(id);
    const school = await this.tenants.get(nomination.tenantId);
    const pdf = await renderLetterPdf(letterOfThanksDocument({ schoolName: school.fullName, mentorName: nomination.mentorName, nomination: nomination.nomination, reason: nomination.reason, academicYear: nomination.academicYear, date: new Date() }));
    return { fileName: `blagodarstvennoe-pismo-${nomination.academicYear.replace('/', '-')}-${id.slice(0, 8)}.pdf`, contentType: 'application/pdf', content: pdf.toString('base64'), nomination };
  }

  private curatorSchool(): string {
    const scope = this.context.scope;
    if (scope.role !== 'curator' || !scope.tenantId) throw new ForbiddenException('Выдвигает наставников куратор своей организации.');
    return scope.tenantId;
  }

  private filtered(em: EntityManager, filter: MentorNominationFilter) {
    const query = em.createQueryBuilder(MentorNominationEntity, 'n');
    if (filter.ids) query.andWhere('n.id = any(:ids)', { ids: filter.ids });
    if (filter.nomination) query.andWhere('n.nomination = :nomination', { nomination: filter.nomination });
    if (filter.academicYear) query.andWhere('n.academic_year = :year', { year: filter.academicYear });
    if (filter.q?.trim()) query.andWhere('(n.mentor_name ilike :q or n.reason ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }

  private async ensureUnique(em: EntityManager, tenantId: string, academicYear: string, nomination: string, mentorId: string, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(MentorNominationEntity, { tenantId, academicYear, nomination: nomination as MentorNominationEntity['nomination'], mentorId });
    if (same && same.id !== exceptId) throw new ConflictException(`Этот наставник уже выдвинут в этой номинации за ${academicYear} учебный год.`);
  }
}
