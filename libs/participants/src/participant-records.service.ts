import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException, type FieldProblem } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs, Page } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantService } from '@nastavnik/tenants/tenant.service';
import type { EntityManager } from 'typeorm';
import { ruDate, todayIso } from './dtos/input-helpers';
import type { CreateParticipantInput, ParticipantFilter, UpdateParticipantInput } from './dtos/participant.inputs';
import { ParticipantEntity } from './participant.entity';
import { DRAFT_FIELDS, participantProblems, uniqueList, type ParticipantDraft } from './participant.rules';
import { ELIGIBLE_SQL } from './participants.service';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { requiredValue } from '@nastavnik/contracts/lookup';
import { REGION_TIME_ZONE, schoolYearOf } from '@nastavnik/platform/calendar';

const SORTABLE = sortColumns({
  lastName: ['p.last_name', 'p.first_name', 'p.middle_name'],
  fullName: ['p.last_name', 'p.first_name', 'p.middle_name'],
  birthDate: ['p.birth_date'],
  kind: ['p.kind'],
  grade: ['p.grade', 'p.class_letter'],
  createdAt: ['p.created_at'],
  updatedAt: ['p.updated_at'],
});

/** The consent test of `hasValidConsent`: the same rule as eligibility, for the purpose of processing itself. */
const HAS_VALID_CONSENT = ELIGIBLE_SQL.replace(/:purpose/g, `'processing'`);

/** The key under which a page of participants shares its filter's count with `_allParticipantsMeta`. */
const totalKey = (filter: ParticipantFilter) => `participants ${JSON.stringify(filter)}`;

/**
 * Participants as the curator keeps them (CRUD for the console and the import). Every query runs
 * in the caller's scoped transaction: another school's people do not exist here.
 */
@Injectable()
export class ParticipantRecordsService {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  async list(args: ListArgs, filter: ParticipantFilter = {}): Promise<Page<ParticipantEntity>> {
    const settle = this.context.shareTotal(totalKey(filter));
    let total: number | null = null;
    try {
      const em = await this.context.manager();
      // The consent flag and the filter's count come with the page, in the same statement (the
      // card's `get` asks the flag apart; `count` below takes the total when asked beside the list).
      const page = await pageOf(this.filtered(em, filter), args, SORTABLE, 'lastName', { nullsLast: true, computed: { hasValidConsent: HAS_VALID_CONSENT }, withTotal: true });
      total = page.total ?? null;
      return { items: page.items };
    } finally {
      settle(total);
    }
  }

  async count(filter: ParticipantFilter = {}): Promise<number> {
    const shared = await this.context.sharedTotal(totalKey(filter));
    if (shared !== null) return shared;
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<ParticipantEntity> {
    const em = await this.context.manager();
    const participant = await em.findOneBy(ParticipantEntity, { id });
    if (!participant) throw new NotFoundException('Участник не найден или недоступен.');
    return (await this.withConsentFlag(em, [participant]))[0];
  }

  async create(input: CreateParticipantInput): Promise<ParticipantEntity> {
    const em = await this.context.manager();
    const tenantId = await this.targetTenant(input.tenantId ?? null);
    const draft = this.merged(emptyDraft(input.kind), input);
    this.check(draft);
    await this.ensureUnique(draft, null);
    const saved = await em.save(em.create(ParticipantEntity, { ...draft, tenantId }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateParticipantInput): Promise<ParticipantEntity> {
    const em = await this.context.manager();
    const current = await this.get(id);
    if (current.erasedAt) throw new ConflictException('Персональные данные участника удалены (обезличены): запись не изменяется.');
    const draft = this.merged(pickDraft(current), input);
    this.check(draft);
    if (draft.lastName !== current.lastName || draft.firstName !== current.firstName || draft.middleName !== current.middleName || draft.birthDate !== current.birthDate) {
      await this.ensureUnique(draft, id);
    }
    await em.update(ParticipantEntity, { id }, draft);
    return this.get(id);
  }

  async remove(id: string): Promise<ParticipantEntity> {
    const em = await this.context.manager();
    const participant = await this.get(id);
    await this.assertNotInPastYears(em, id);
    try {
      await em.delete(ParticipantEntity, { id });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new ConflictException(`Нельзя удалить участника «${participant.lastName} ${participant.firstName}»: он включён в пары, группы или программы.`);
      }
      throw error;
    }
    return participant;
  }

  /**
   * Deleting rewrites past indicators (docs/adr/0026): a person registered before the current school
   * year began, or in a base before it, counts in a closed year's figures. Such a person is not
   * deleted; their data is erased by de-identification instead, which keeps those figures.
   */
  private async assertNotInPastYears(em: EntityManager, id: string): Promise<void> {
    const yearStart = `${schoolYearOf().slice(0, 4)}-09-01`;
    const [past]: { registered: boolean; based: boolean }[] = await em.query(
      `select (p.created_at at time zone '${REGION_TIME_ZONE}')::date < $2::date as registered,
              exists (select 1 from participant_base_entries b where b.participant_id = p.id and b.included_on < $2::date) as based
         from participants p where p.id = $1`,
      [id, yearStart],
    );
    if (past && (past.registered || past.based)) {
      throw new ConflictException(
        'Участник учтён в показателях прошлых учебных лет: удаление записи изменило бы их. Чтобы прекратить обработку, используйте «Удалить персональные данные» — данные будут обезличены, показатели сохранятся.',
      );
    }
  }

  /** The stored form of a draft with `changes` applied: trimmed, lists de-duplicated, `null` clears. */
  merged(base: ParticipantDraft, changes: Partial<Record<keyof ParticipantDraft, unknown>>): ParticipantDraft {
    const draft = { ...base } as Record<keyof ParticipantDraft, unknown>;
    for (const field of DRAFT_FIELDS) {
      if (changes[field] !== undefined) draft[field] = changes[field];
    }
    const result = draft as ParticipantDraft;
    for (const field of ['kind', 'lastName', 'firstName'] as const) {
      if (result[field] === null) throw new ValidationFailedException(`Поле «${requiredValue(FIELD_TITLES, field)}» обязательно.`, [{ field, message: 'Обязательное поле.' }]);
    }
    result.classTeacher = result.classTeacher ?? false;
    result.subjects = uniqueList(result.subjects ?? []);
    result.requests = uniqueList(result.requests ?? []);
    result.interests = uniqueList(result.interests ?? []);
    result.directions = uniqueList(result.directions ?? []).sort();
    return result;
  }

  /** Throws the cross-field problems of a draft as one VALIDATION_FAILED. */
  check(draft: ParticipantDraft): void {
    const problems = participantProblems(draft, todayIso());
    if (problems.length > 0) throw validationOf(problems);
  }

  /** The id of the person with this natural key (normalised full name + birth date) in the caller's school. */
  async findByNaturalKey(draft: Pick<ParticipantDraft, 'lastName' | 'firstName' | 'middleName' | 'birthDate'>): Promise<ParticipantEntity | null> {
    return (await this.context.manager())
      .createQueryBuilder(ParticipantEntity, 'p')
      .where(`p.name_key = lower(translate(:last || ' ' || :first || coalesce(' ' || :middle, ''), 'Ёё', 'Ее'))`, {
        last: draft.lastName,
        first: draft.firstName,
        middle: draft.middleName,
      })
      .andWhere('p.birth_date is not distinct from :birth', { birth: draft.birthDate })
      .getOne();
  }

  private async ensureUnique(draft: ParticipantDraft, exceptId: string | null): Promise<void> {
    const twin = await this.findByNaturalKey(draft);
    if (twin && twin.id !== exceptId) {
      const born = draft.birthDate ? `, дата рождения ${ruDate(draft.birthDate)}` : ' без даты рождения';
      throw new ConflictException(
        `Участник «${[draft.lastName, draft.firstName, draft.middleName].filter(Boolean).join(' ')}»${born} уже есть в базе организации.` +
          (draft.birthDate ? '' : ' Укажите дату рождения, чтобы различить однофамильцев.'),
      );
    }
  }

  /** The organisation a new participant belongs to: the curator's own; for a platform admin, the one named. */
  async targetTenant(requested: string | null): Promise<string> {
    const scope = this.context.scope;
    if (scope.role === 'curator') {
      if (!scope.tenantId) throw new ForbiddenException();
      if (requested && requested !== scope.tenantId) throw new ForbiddenException('Куратор добавляет участников только в свою организацию.');
      return scope.tenantId;
    }
    if (!requested) throw new ValidationFailedException('Укажите организацию, в которую добавляется участник.', [{ field: 'tenantId', message: 'Обязательное поле.' }]);
    const tenant = await this.tenants.get(requested).catch(() => null);
    if (!tenant || tenant.kind !== 'organisation') throw new ValidationFailedException('Участники добавляются только в образовательную организацию.');
    return tenant.id;
  }

  private async withConsentFlag(em: EntityManager, items: ParticipantEntity[]): Promise<ParticipantEntity[]> {
    if (items.length === 0) return items;
    const rows: { id: string; ok: boolean }[] = await em.query(
      `select p.id, ${HAS_VALID_CONSENT} as ok from participants p where p.id = any($1::uuid[])`,
      [items.map((p) => p.id)],
    );
    const flags = new Map(rows.map((r) => [r.id, r.ok]));
    for (const item of items) item.hasValidConsent = flags.get(item.id) ?? false;
    return items;
  }

  private filtered(em: EntityManager, filter: ParticipantFilter) {
    const query = em.createQueryBuilder(ParticipantEntity, 'p');
    if (filter.ids) query.andWhere('p.id = any(:ids)', { ids: filter.ids });
    if (filter.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.grade) query.andWhere('p.grade = :grade', { grade: filter.grade });
    if (filter.direction) query.andWhere(':direction = any(p.directions)', { direction: filter.direction });
    if (filter.interest) query.andWhere(':interest = any(p.interests)', { interest: filter.interest });
    if (filter.q?.trim()) {
      const words = filter.q.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).slice(0, 5);
      words.forEach((word, i) => query.andWhere(`p.name_key like :w${i}`, { [`w${i}`]: `%${escapeLike(word)}%` }));
    }
    if (filter.base || filter.status) {
      const conditions = ['e.tenant_id = p.tenant_id', 'e.participant_id = p.id'];
      if (filter.base) conditions.push('e.base = :base');
      if (filter.status) conditions.push('e.status = :status');
      query.andWhere(`exists (select 1 from participant_base_entries e where ${conditions.join(' and ')})`, { base: filter.base, status: filter.status });
    }
    if (filter.hasValidConsent !== undefined && filter.hasValidConsent !== null) {
      query.andWhere(filter.hasValidConsent ? HAS_VALID_CONSENT : `not ${HAS_VALID_CONSENT}`);
    }
    return query;
  }
}

const FIELD_TITLES: Record<'kind' | 'lastName' | 'firstName', string> = { kind: 'Категория', lastName: 'Фамилия', firstName: 'Имя' };

export function validationOf(problems: FieldProblem[]): ValidationFailedException {
  const rest = problems.length > 1 ? ` (и ещё ошибок: ${problems.length - 1})` : '';
  return new ValidationFailedException(`${problems[0].message}${rest}`, problems);
}

export function emptyDraft(kind: ParticipantDraft['kind']): ParticipantDraft {
  return {
    kind, lastName: '', firstName: '', middleName: null, birthDate: null, sex: null, grade: null, classLetter: null, position: null,
    teachingExperienceYears: null, classTeacher: false, subjects: [], organisationName: null, email: null, phone: null,
    achievements: null, requests: [], interests: [], directions: [], notes: null,
  };
}

export function pickDraft(participant: ParticipantEntity): ParticipantDraft {
  return Object.fromEntries(DRAFT_FIELDS.map((field) => [field, participant[field]])) as ParticipantDraft;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
