import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs, Page } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { type EntityManager } from 'typeorm';
import type { CreateTenantInput, TenantFilter, UpdateTenantInput } from './dtos/tenant.inputs';
import { TenantEntity, TenantKind } from './tenant.entity';
import { pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { requiredValue } from '@nastavnik/contracts/lookup';

const SORTABLE = sortColumns({
  path: 't.path',
  code: 't.code',
  fullName: 't.full_name',
  shortName: 't.short_name',
  kind: 't.kind',
  createdAt: 't.created_at',
});

/** Which kind of node may stand under which. */
const PARENT_KINDS: Record<TenantKind, TenantKind[]> = {
  region: [],
  municipality: ['region'],
  organisation: ['municipality', 'region'],
};

/**
 * The tenant tree. Every query runs in the caller's scoped transaction, so row-level security
 * decides what exists for them; the checks here are about the tree's shape and clear messages.
 */
@Injectable()
export class TenantService {
  constructor(private readonly context: TenantContext) {}

  async list(args: ListArgs, filter: TenantFilter = {}): Promise<Page<TenantEntity>> {
    const em = await this.context.manager();
    return pageOf(this.filtered(em, filter), args, SORTABLE, 'path');
  }

  async count(filter: TenantFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<TenantEntity> {
    const em = await this.context.manager();
    const tenant = await em.findOneBy(TenantEntity, { id });
    if (!tenant) throw new NotFoundException('Организация (регион, муниципалитет) не найдена или недоступна.');
    return tenant;
  }

  /** The caller's own organisation, region or municipality; null at the federal level. */
  async mine(): Promise<TenantEntity | null> {
    const { tenantId } = this.context.scope;
    if (!tenantId) return null;
    return (await this.context.manager()).findOneBy(TenantEntity, { id: tenantId });
  }

  async create(input: CreateTenantInput): Promise<TenantEntity> {
    const em = await this.context.manager();
    const parent = await this.checkedParent(em, input.kind, input.parentId ?? null);
    if (input.kind === 'organisation' && !input.orgType) {
      throw new ValidationFailedException('Для образовательной организации укажите тип (школа, гимназия, лицей, колледж…).');
    }
    if (input.kind !== 'organisation' && input.orgType) {
      throw new ValidationFailedException('Тип организации указывается только для образовательной организации.');
    }
    await this.ensureCodeFree(em, input.code);
    const label = pathLabel(input.code);
    const tenant = em.create(TenantEntity, {
      kind: input.kind,
      code: input.code,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}.${label}` : label,
      fullName: input.fullName.trim(),
      shortName: input.shortName.trim(),
      orgType: input.orgType ?? null,
      address: input.address?.trim() || null,
    });
    await this.ensurePathFree(em, tenant.path);
    return em.save(tenant);
  }

  async update(id: string, input: UpdateTenantInput): Promise<TenantEntity> {
    const em = await this.context.manager();
    const tenant = await this.get(id);
    if (input.orgType !== undefined && tenant.kind !== 'organisation' && input.orgType !== null) {
      throw new ValidationFailedException('Тип организации указывается только для образовательной организации.');
    }
    if (input.orgType === null && tenant.kind === 'organisation') {
      throw new ValidationFailedException('Для образовательной организации тип обязателен.');
    }
    if (input.parentId && input.parentId !== tenant.parentId) {
      const parent = await this.checkedParent(em, tenant.kind, input.parentId);
      if (!parent) throw new ValidationFailedException('Укажите вышестоящий узел.');
      const newPath = `${parent.path}.${pathLabel(tenant.code)}`;
      await this.ensurePathFree(em, newPath);
      // Move the whole subtree: every descendant keeps its tail under the new prefix.
      await em.query(
        `update tenants
            set path = $1::ltree || (case when nlevel(path) > nlevel($2::ltree) then subpath(path, nlevel($2::ltree)) else ''::ltree end),
                updated_at = now()
          where path <@ $2::ltree`,
        [newPath, tenant.path],
      );
      await em.update(TenantEntity, { id }, { parentId: parent.id });
    }
    const changes: Partial<TenantEntity> = {};
    if (input.fullName !== undefined) changes.fullName = input.fullName.trim();
    if (input.shortName !== undefined) changes.shortName = input.shortName.trim();
    if (input.orgType !== undefined) changes.orgType = input.orgType;
    if (input.address !== undefined) changes.address = input.address?.trim() || null;
    if (Object.keys(changes).length > 0) await em.update(TenantEntity, { id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<TenantEntity> {
    const em = await this.context.manager();
    const tenant = await this.get(id);
    const children = await em.countBy(TenantEntity, { parentId: id });
    if (children > 0) throw new ConflictException(`Нельзя удалить «${tenant.shortName}»: у него есть подчинённые узлы (${children}).`);
    await em.delete(TenantEntity, { id });
    return tenant;
  }

  private filtered(em: EntityManager, filter: TenantFilter) {
    const query = em.createQueryBuilder(TenantEntity, 't');
    if (filter.ids) query.andWhere('t.id = any(:ids)', { ids: filter.ids });
    if (filter.kind) query.andWhere('t.kind = :kind', { kind: filter.kind });
    if (filter.parentId) query.andWhere('t.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.orgType) query.andWhere('t.org_type = :orgType', { orgType: filter.orgType });
    if (filter.q?.trim()) {
      query.andWhere(`(t.full_name ilike :q or t.short_name ilike :q or t.code ilike :q)`, { q: `%${escapeLike(filter.q.trim())}%` });
    }
    return query;
  }

  private async checkedParent(em: EntityManager, kind: TenantKind, parentId: string | null): Promise<TenantEntity | null> {
    const allowed = requiredValue(PARENT_KINDS, kind);
    if (allowed.length === 0) {
      if (parentId) throw new ValidationFailedException('У региона не может быть вышестоящего узла.');
      return null;
    }
    if (!parentId) throw new ValidationFailedException('Укажите вышестоящий узел (регион или муниципалитет).');
    const parent = await em.findOneBy(TenantEntity, { id: parentId });
    if (!parent) throw new ValidationFailedException('Вышестоящий узел не найден.');
    if (!allowed.includes(parent.kind)) {
      throw new ValidationFailedException(kind === 'municipality' ? 'Муниципалитет входит только в регион.' : 'Организация входит в муниципалитет или регион.');
    }
    return parent;
  }

  private async ensureCodeFree(em: EntityManager, code: string): Promise<void> {
    if (await em.existsBy(TenantEntity, { code })) throw new ConflictException(`Код «${code}» уже занят.`);
  }

  private async ensurePathFree(em: EntityManager, path: string): Promise<void> {
    if (await em.existsBy(TenantEntity, { path })) {
      throw new ConflictException('Код конфликтует с кодом соседнего узла («-» и «_» считаются одинаковыми).');
    }
  }
}

/** ltree labels allow letters, digits and `_` only. */
export function pathLabel(code: string): string {
  return code.replace(/-/g, '_');
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
