import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { NotificationOutbox } from '@nastavnik/notifications/notification-outbox.service';
import { type UnansweredLink, UnansweredLinks } from '@nastavnik/notifications/unanswered-links';
import { ParticipantsService } from '@nastavnik/participants/participants.service';
import { MentoringPairService } from '@nastavnik/programmes/pairs/mentoring-pair.service';
import { ProgrammeService } from '@nastavnik/programmes/programmes/programme.service';
import { ListArgs as PageArgs } from '@nastavnik/platform/graphql/list-args';
import type { EntityManager } from 'typeorm';
import type { CreateQuestionnaireLinkInput, QuestionnaireLinkFilter } from './dtos/questionnaire.inputs';
import type { IssueProgrammeLinksInput, ProgrammeLinksResult } from './dtos/programme-links.inputs';
import { linkPath, linkTokenHash, newLinkToken } from './link-token';
import { academicYearOf, isAcademicYear } from './questionnaire.codes';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { rethrowReference } from './questionnaire-common';
import { QuestionnaireLinkEntity } from './questionnaire-link.entity';
import { QuestionnaireResponseService } from './questionnaire-response.service';
import type { QuestionnaireTemplateEntity } from './questionnaire-template.entity';
import { QuestionnaireTemplateService } from './questionnaire-template.service';

export const DEFAULT_LINK_DAYS = 14;

/** At most this many people get links in one «issue for the programme» operation (one transaction). */
export const PROGRAMME_LINKS_LIMIT = 1000;

const SORTABLE = sortColumns({
  createdAt: 'l.created_at',
  expiresAt: 'l.expires_at',
  usedAt: 'l.used_at',
  academicYear: 'l.academic_year',
});

/**
 * Personal one-time links, the curator's side: issue one for a participant (eligible for
 * questionnaires) and the current version of a template; the answer carries the address
 * `/q/<token>` once — only the token's SHA-256 is stored. A link that was used stays as the
 * record of where the response came from.
 */
@Injectable()
export class QuestionnaireLinkService implements UnansweredLinks {
  constructor(
    private readonly context: TenantContext,
    private readonly templates: QuestionnaireTemplateService,
    private readonly responses: QuestionnaireResponseService,
    private readonly notifications: NotificationOutbox,
    private readonly participants: ParticipantsService,
    private readonly programmes: ProgrammeService,
    private readonly pairs: MentoringPairService,
  ) {}

  async list(args: ListArgs, filter: QuestionnaireLinkFilter = {}): Promise<QuestionnaireLinkEntity[]> {
    const em = await this.context.manager();
    return (await pageOf(this.filtered(em, filter), args, SORTABLE, 'createdAt')).items;
  }

  async count(filter: QuestionnaireLinkFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<QuestionnaireLinkEntity> {
    const link = await (await this.context.manager()).findOneBy(QuestionnaireLinkEntity, { id });
    if (!link) throw new NotFoundException('Персональная ссылка не найдена или недоступна.');
    return link;
  }

  async create(input: CreateQuestionnaireLinkInput): Promise<QuestionnaireLinkEntity> {
    const template = await this.templates.forAnswering(input.templateId, { current: true });
    const tenantId = await this.responses.respondentTenant(template, input.participantId, null);
    return this.issue(template, tenantId, { ...input, academicYear: this.yearOf(input.academicYear) });
  }

  /**
   * «Выдать ссылки всей программе» (issue 17): a link for each mentee (or mentor, by the
   * template's respondent) of the programme's active pairs who can get it by e-mail — a consent
   * in force for questionnaires and an address (a minor's legal representative's) — each with its
   * message in the outbox, all in this one transaction. Whoever already holds an active link to
   * this questionnaire for the year is skipped, so pressing the button twice sends nothing twice.
   */
  async issueForProgramme(input: IssueProgrammeLinksInput): Promise<ProgrammeLinksResult> {
    const template = await this.templates.forAnswering(input.templateId, { current: true });
    if (template.respondentRole === 'curator') throw new ValidationFailedException(`«${template.title}» заполняет куратор — ссылки участникам по ней не выдают.`);
    const programme = await this.programmes.referenced(input.programmeId);
    const academicYear = this.yearOf(input.academicYear);
    const people = new Set<string>();
    for (let page = 0; ; page += 1) {
      const got = await this.pairs.list(Object.assign(new PageArgs(), { page, perPage: 500, sortOrder: 'ASC' }), { programmeId: programme.id, status: 'active' });
      for (const pair of got) for (const id of template.respondentRole === 'mentor' ? [pair.mentorId] : pair.menteeIds) people.add(id.toLowerCase());
      if (got.length < 500) break;
    }
    if (people.size > PROGRAMME_LINKS_LIMIT) throw new ValidationFailedException(`В программе больше ${PROGRAMME_LINKS_LIMIT} участников для этой анкеты — выдайте ссылки по частям.`);
    const result: ProgrammeLinksResult = { total: people.size, issued: 0, alreadyIssued: 0, noConsent: 0, noAddress: 0, linkIds: [], tenantId: programme.tenantId };
    if (people.size === 0) return result;
    const em = await this.context.manager();
    const holding = new Set(((await em.query(
      `select distinct l.participant_id from questionnaire_links l join questionnaire_templates t on t.id = l.template_id
        where l.participant_id = any($1::uuid[]) and t.code = $2 and l.academic_year = $3
          and l.used_at is null and l.withdrawn_at is null and l.expires_at > now()`,
      [[...people], template.code, academicYear],
    )) as { participant_id: string }[]).map((r) => r.participant_id));
    const eligible = new Map((await this.participants.findEligible({ ids: [...people] }, 'questionnaires')).map((p) => [p.id, p]));
    for (const participantId of people) {
      const person = eligible.get(participantId);
      if (holding.has(participantId)) result.alreadyIssued += 1;
      else if (!person) result.noConsent += 1;
      else if (typeof (await this.notifications.participantRecipient(participantId)) === 'string') result.noAddress += 1;
      else {
        if (template.tenantId !== null && template.tenantId !== person.tenantId) throw new ValidationFailedException(`Анкета «${template.title}» принадлежит другой организации.`);
        const link = await this.issue(template, person.tenantId, { participantId, programmeId: programme.id, academicYear, expiresInDays: input.expiresInDays });
        result.linkIds.push(link.id);
        result.issued += 1;
      }
    }
    return result;
  }

  private yearOf(academicYear: string | undefined): string {
    const year = academicYear ?? academicYearOf(new Date());
    if (!isAcademicYear(year)) throw new ValidationFailedException('Учебный год указывается как «2022/2023» — два последовательных года.');
    return year;
  }

  /** One link and its message in the outbox, in the running transaction. */
  private async issue(
    template: QuestionnaireTemplateEntity,
    tenantId: string,
    input: { participantId: string; programmeId?: string | null; pairId?: string | null; academicYear: string; expiresInDays?: number },
  ): Promise<QuestionnaireLinkEntity> {
    const em = await this.context.manager();
    const days = input.expiresInDays ?? DEFAULT_LINK_DAYS;
    const token = newLinkToken();
    const id = randomUUID();
    try {
      await em.query(
        `insert into questionnaire_links (id, tenant_id, template_id, participant_id, programme_id, pair_id, academic_year, token_hash, expires_at, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(days => $9), $10)`,
        [id, tenantId, template.id, input.participantId.toLowerCase(), input.programmeId ?? null, input.pairId ?? null, input.academicYear, linkTokenHash(token), days, this.context.principal.username],
      );
    } catch (error) {
      rethrowReference(error, 'questionnaire_links');
    }
    const link = await this.get(id);
    link.path = linkPath(token);
    // The message carrying the link goes to the outbox in this same transaction (issue 17).
    await this.notifications.questionnaireLinkIssued({ tenantId, participantId: link.participantId, linkPath: link.path, templateTitle: template.title, expiresAt: link.expiresAt });
    return link;
  }

  /** The notifications lib's reminder run (its port `UnansweredLinks`, docs/adr/0038): open links issued at or before `issuedBefore`. */
  async unanswered(issuedBefore: Date): Promise<UnansweredLink[]> {
    const rows = (await (await this.context.manager()).query(
      `select l.id, l.tenant_id, l.participant_id, t.title, l.created_at, l.expires_at
         from questionnaire_links l join questionnaire_templates t on t.id = l.template_id
        where l.used_at is null and l.withdrawn_at is null and l.expires_at > now() and l.created_at <= $1
        order by l.created_at, l.id`,
      [issuedBefore],
    )) as { id: string; tenant_id: string; participant_id: string; title: string; created_at: Date; expires_at: Date }[];
    return rows.map((r) => ({ linkId: r.id, tenantId: r.tenant_id, participantId: r.participant_id, templateTitle: r.title, issuedAt: r.created_at, expiresAt: r.expires_at }));
  }

  /** Withdraws a link that has not been used; a used one is the provenance of its response and stays. */
  async remove(id: string): Promise<QuestionnaireLinkEntity> {
    const em = await this.context.manager();
    const link = await this.get(id);
    if (link.usedAt) throw new ConflictException('По этой ссылке уже получены ответы — её нельзя удалить.');
    const [, deleted] = (await em.query(`delete from questionnaire_links where id = $1 and used_at is null`, [id])) as [unknown, number];
    if (deleted !== 1) throw new ConflictException('По этой ссылке уже получены ответы — её нельзя удалить.');
    return link;
  }

  private filtered(em: EntityManager, filter: QuestionnaireLinkFilter) {
    const query = em.createQueryBuilder(QuestionnaireLinkEntity, 'l');
    if (filter.ids) query.andWhere('l.id = any(:ids)', { ids: filter.ids });
    if (filter.templateId) query.andWhere('l.template_id = :templateId', { templateId: filter.templateId });
    if (filter.participantId) query.andWhere('l.participant_id = :participantId', { participantId: filter.participantId });
    if (filter.programmeId) query.andWhere('l.programme_id = :programmeId', { programmeId: filter.programmeId });
    if (filter.academicYear) query.andWhere('l.academic_year = :year', { year: filter.academicYear });
    if (filter.status === 'used') query.andWhere('l.used_at is not null');
    if (filter.status === 'active') query.andWhere('l.used_at is null and l.withdrawn_at is null and l.expires_at > now()');
    if (filter.status === 'expired') query.andWhere('l.used_at is null and l.withdrawn_at is null and l.expires_at <= now()');
    if (filter.status === 'withdrawn') query.andWhere('l.used_at is null and l.withdrawn_at is not null');
    return query;
  }
}
