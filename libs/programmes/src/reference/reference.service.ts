import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { MentoringDirectionFilter, MeetingTypeFilter, ReferenceFilter, RoleModelFilter } from '../dtos/reference.inputs';
import { MentoringFormEntity, type ReferenceEntry } from './reference.entities';
import { REFERENCE_KINDS, type ReferenceClass, type ReferenceCreate, type ReferenceKind, type ReferenceUpdate } from './reference.kinds';

/** Every filter field any reference list understands. */
export type AnyReferenceFilter = ReferenceFilter & Partial<Pick<RoleModelFilter, 'formId'> & Pick<MentoringDirectionFilter, 'audience'> & Pick<MeetingTypeFilter, 'scope'>>;

/** The filter fields beyond `ReferenceFilter` that ask for one value of a column. */
const EQUALS_FILTERS = [['formId', 'form_id'], ['audience', 'audience'], ['scope', 'scope']] as const;

const SORTABLE = sortColumns({ sortOrder: 'r.sort_order', code: 'r.code', title: 'r.title', isActive: 'r.is_active', createdAt: 'r.created_at' });

const LABELS = new Map<ReferenceClass<ReferenceEntry>, string>(REFERENCE_KINDS.map((kind) => [kind.entity, kind.label]));

function label(entity: ReferenceClass<ReferenceEntry>): string {
  return LABELS.get(entity) ?? 'Справочник';
}

/**
 * The reference data (справочники): forms, role models, formats, directions, interest areas,
 * meeting types, stages. Reads for every signed-in role; writes for the platform admin (the
 * row-level policies say the same). Rows are retired with `isActive`, never deleted. Reads take
 * the entity class; writes take its kind (reference.kinds.ts), which carries its rules.
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
    const row = await this.byId(await this.context.manager(), entity, id);
    if (!row) throw new NotFoundException(`${label(entity)}: запись не найдена.`);
    return row;
  }

  /** An active entry by id, for records that refer to it (a retired entry is refused for new references). */
  async active<T extends ReferenceEntry>(entity: ReferenceClass<T>, id: string, what = label(entity)): Promise<T> {
    const row = await this.byId(await this.context.manager(), entity, id);
    if (!row) throw new ValidationFailedException(`${what}: не найдено в справочнике.`);
    return usable(row, what);
  }

  /** Active entries by ids, in the order given; any unknown or retired id is a VALIDATION_FAILED. */
  async activeMany<T extends ReferenceEntry>(entity: ReferenceClass<T>, ids: string[], what = label(entity)): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await this.filtered(await this.context.manager(), entity, { ids: unique }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return unique.map((id) => {
      const row = byId.get(id);
      if (!row) throw new ValidationFailedException(`${what}: значение не найдено в справочнике.`);
      return usable(row, what);
    });
  }

  /** Which of the codes name a mentoring form, retired ones included (for other libs, which never import the entities). */
  async mentoringFormCodes(codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    return (await this.filtered(await this.context.manager(), MentoringFormEntity, { codes }).getMany()).map((form) => form.code);
  }

  async create<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>>(kind: ReferenceKind<T, C, U>, input: C): Promise<T> {
    const em = await this.context.manager();
    if (await this.filtered(em, kind.entity, { codes: [input.code] }).getExists()) {
      throw new ConflictException(`${kind.label} с кодом «${input.code}» уже есть.`);
    }
    await kind.check?.(em, input, null);
    const saved = await em.save(em.create(kind.entity, input));
    return this.get(kind.entity, saved.id);
  }

  async update<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>>(kind: ReferenceKind<T, C, U>, id: string, input: U): Promise<T> {
    const em = await this.context.manager();
    const current = await this.get(kind.entity, id);
    await kind.check?.(em, input, current);
    // TypeORM leaves out the fields that are undefined; an input of none of them changes nothing.
    if (Object.values(input).some((value) => value !== undefined)) await em.update(kind.entity, { id }, input);
    return this.get(kind.entity, id);
  }

  private byId<T extends ReferenceEntry>(em: EntityManager, entity: ReferenceClass<T>, id: string): Promise<T | null> {
    return em.createQueryBuilder(entity, 'r').where('r.id = :id', { id }).getOne();
  }

  private filtered<T extends ReferenceEntry>(em: EntityManager, entity: ReferenceClass<T>, filter: AnyReferenceFilter): SelectQueryBuilder<T> {
    const query = em.createQueryBuilder(entity, 'r');
    if (filter.ids) query.andWhere('r.id = any(:ids)', { ids: filter.ids });
    if (filter.codes) query.andWhere('r.code = any(:codes)', { codes: filter.codes });
    if (filter.isActive !== undefined && filter.isActive !== null) query.andWhere('r.is_active = :active', { active: filter.isActive });
    if (filter.q?.trim()) query.andWhere('(r.code ilike :q or r.title ilike :q)', { q: containsPattern(filter.q) });
    for (const [key, column] of EQUALS_FILTERS) {
      const value = filter[key];
      if (value !== undefined && value !== null) query.andWhere(`r.${column} = :${key}`, { [key]: value });
    }
    return query;
  }
}

/** The entry itself, unless it is retired. */
function usable<T extends ReferenceEntry>(row: T, what: string): T {
  if (!row.isActive) throw new ValidationFailedException(`${what} «${row.title}» больше не используется — выберите другое значение.`);
  return row;
}
