import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import type { AnyReferenceFilter } from './reference.inputs';
import {
  MeetingTypeEntity, MenteeInterestEntity, MentoringDirectionEntity, MentoringFormatEntity, MentoringFormEntity, ProgrammeStageEntity, type ReferenceEntry, RoleModelEntity,
} from './reference.entities';

type ReferenceClass<T extends ReferenceEntry> = new () => T;

const LABELS = new Map<ReferenceClass<ReferenceEntry>, string>([
  [MentoringFormEntity, 'Форма наставничества'],
  [RoleModelEntity, 'Ролевая модель'],
  [MentoringFormatEntity, 'Вид наставничества'],
  [MentoringDirectionEntity, 'Направление наставничества'],
  [MenteeInterestEntity, 'Область интересов'],
  [MeetingTypeEntity, 'Вид встречи'],
  [ProgrammeStageEntity, 'Этап'],
]);

const SORTABLE = sortColumns({ sortOrder: 'r.sort_order', code: 'r.code', title: 'r.title', isActive: 'r.is_active', createdAt: 'r.created_at' });

/** Which input keys name a filter column, per list. */
const FILTER_COLUMNS: Record<string, string> = { formId: 'form_id', audience: 'audience', scope: 'scope' };

type ReferenceChanges = Record<string, unknown>;

/**
 * The reference data (справочники): forms, role models, formats, directions, interest areas,
 * meeting types, stages. Reads for every signed-in role; writes for the platform admin (the
 * row-level policies say the same). Rows are retired with `isActive`, never deleted.
 */
@Injectable()
export class ReferenceService {
  constructor(private readonly context: TenantContext) {}

  async list<T extends ReferenceEntry>(entity: ReferenceClass<T>, args: ListArgs, filter: AnyReferenceFilter = {}): Promise<T[]> {
    const query = this.filtered(await this.context.manager(), entity, filter);
    return (await pageOf(query, args, SORTABLE, 'sortOrder')).items;
  }

  async count<T extends ReferenceEntry>(entity: ReferenceClass<T>, filter: AnyReferenceFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), entity, filter).getCount();
  }

  async get<T extends ReferenceEntry>(entity: ReferenceClass<T>, id: string): Promise<T> {
    const row = await (await this.context.manager()).findOne(entity, { where: { id } as never });
    if (!row) throw new NotFoundException(`${label(entity)}: запись не найдена.`);
    return row;
  }

  /** An active entry by id, for records that refer to it (a retired entry is refused for new references). */
  async active<T extends ReferenceEntry>(entity: ReferenceClass<T>, id: string, what = label(entity)): Promise<T> {
    const row = await (await this.context.manager()).findOne(entity, { where: { id } as never });
    if (!row) throw new ValidationFailedException(`${what}: не найдено в справочнике.`);
    if (!row.isActive) throw new ValidationFailedException(`${what} «${row.title}» больше не используется — выберите другое значение.`);
    return row;
  }

  /** Active entries by ids, in the order given; any unknown or retired id is a VALIDATION_FAILED. */
  async activeMany<T extends ReferenceEntry>(entity: ReferenceClass<T>, ids: string[], what = label(entity)): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await (await this.context.manager())
      .createQueryBuilder(entity, 'r')
      .where('r.id = any(:ids)', { ids: unique })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of unique) {
      const row = byId.get(id);
      if (!row) throw new ValidationFailedException(`${what}: значение не найдено в справочнике.`);
      if (!row.isActive) throw new ValidationFailedException(`${what} «${row.title}» больше не используется — выберите другое значение.`);
    }
    return unique.map((id) => byId.get(id) as T);
  }

  async create<T extends ReferenceEntry>(entity: ReferenceClass<T>, values: Partial<T> & { code: string }): Promise<T> {
    const em = await this.context.manager();
    const input = values as unknown as ReferenceChanges;
    if (await em.exists(entity, { where: { code: input.code } as never })) {
      throw new ConflictException(`${label(entity)} с кодом «${input.code}» уже есть.`);
    }
    await this.checkRules(em, entity, input, null);
    const saved = await em.save(entity, em.create(entity, trimmed(input) as never));
    return this.get(entity, (saved as T).id);
  }

  async update<T extends ReferenceEntry>(entity: ReferenceClass<T>, id: string, values: Partial<T>): Promise<T> {
    const em = await this.context.manager();
    const input = values as unknown as ReferenceChanges;
    const current = await this.get(entity, id);
    await this.checkRules(em, entity, input, current);
    const changes = trimmed(input);
    if (Object.keys(changes).length > 0) await em.update(entity, { id } as never, changes as never);
    return this.get(entity, id);
  }

  private filtered<T extends ReferenceEntry>(em: EntityManager, entity: ReferenceClass<T>, filter: AnyReferenceFilter) {
    const query = em.createQueryBuilder(entity, 'r');
    if (filter.ids) query.andWhere('r.id = any(:ids)', { ids: filter.ids });
    if (filter.codes) query.andWhere('r.code = any(:codes)', { codes: filter.codes });
    if (filter.isActive !== undefined && filter.isActive !== null) query.andWhere('r.is_active = :active', { active: filter.isActive });
    if (filter.q?.trim()) query.andWhere('(r.code ilike :q or r.title ilike :q)', { q: containsPattern(filter.q) });
    for (const [key, column] of Object.entries(FILTER_COLUMNS)) {
      const value = (filter as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) query.andWhere(`r.${column} = :${key}`, { [key]: value });
    }
    return query;
  }

  /** Rules across fields that class-validator cannot see one field at a time. */
  private async checkRules<T extends ReferenceEntry>(em: EntityManager, entity: ReferenceClass<T>, input: ReferenceChanges, current: T | null): Promise<void> {
    if (entity === (RoleModelEntity as unknown) && typeof input.formId === 'string') {
      if (!(await em.existsBy(MentoringFormEntity, { id: input.formId }))) throw new ValidationFailedException('Форма наставничества не найдена.');
    }
    if (entity === (MentoringFormEntity as unknown)) {
      const form = current as MentoringFormEntity | null;
      const min = input.menteeMinAge !== undefined ? input.menteeMinAge : form?.menteeMinAge;
      const max = input.menteeMaxAge !== undefined ? input.menteeMaxAge : form?.menteeMaxAge;
      if (typeof min === 'number' && typeof max === 'number' && min > max) {
        throw new ValidationFailedException('Наименьший возраст наставляемого больше наибольшего.');
      }
    }
    if (entity === (ProgrammeStageEntity as unknown) && typeof input.number === 'number') {
      const taken = await em.findOneBy(ProgrammeStageEntity, { number: input.number });
      if (taken && taken.id !== current?.id) throw new ConflictException(`Этап с номером ${input.number} уже есть: «${taken.title}».`);
    }
  }
}

function label(entity: ReferenceClass<ReferenceEntry>): string {
  return LABELS.get(entity) ?? 'Справочник';
}

/** Drops keys left undefined and trims the title-like strings. */
function trimmed(input: ReferenceChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    out[key] = typeof value === 'string' && (key === 'title' || key === 'shortTitle') ? value.trim() : value;
  }
  return out;
}
