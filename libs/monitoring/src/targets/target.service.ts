import { Injectable } from '@nestjs/common';
import { NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { INDICATORS, type IndicatorDefinition } from '../indicator-definitions';
import type { IndicatorTargetsArgs, IndicatorTargetType, SetIndicatorTargetInput } from './target.types';

type TargetRow = { id: string; tenant_id: string; tenant_name: string; tenant_kind: string; period: string; indicator_code: string; target: string; updated_at: Date };

/** A curator reads the targets of the nodes above its school but not those nodes' rows of the tree: their names stay empty, their kind follows the depth. */
const SELECT = `select t.id, t.tenant_id, coalesce(n.short_name, '') as tenant_name,
                       coalesce(n.kind, case nlevel(t.tenant_path) when 1 then 'region' else 'municipality' end) as tenant_kind,
                       t.period, t.indicator_code, t.target, t.updated_at
                  from indicator_targets t left join tenant_tree n on n.id = t.tenant_id`;

/**
 * Regional targets (docs/adr/0033): a region analyst sets, for any indicator and school year, the
 * target of their region or of one of its municipalities; the most specific one applies to a
 * school (`IndicatorQueryService`). Who may write what is the table's row-level security
 * (`indicator_targets_analyst_write`, the platform admin's policy); the checks here only turn a
 * refusal into a Russian message before the database would.
 */
@Injectable()
export class TargetService {
  constructor(private readonly context: TenantContext) {}

  /** The targets of a period set at or under the node (by default every one the caller can read), region first. */
  async list(args: IndicatorTargetsArgs): Promise<IndicatorTargetType[]> {
    const em = await this.context.manager();
    let path: string | null = null;
    if (args.parentId) {
      const [node] = await em.query(`select path::text as path from tenant_tree where id = $1`, [args.parentId]);
      if (!node) throw new NotFoundException('Регион или муниципалитет не найден или недоступен.');
      path = node.path;
    }
    const rows: TargetRow[] = await em.query(
      `${SELECT} where t.period = $1 and ($2::ltree is null or t.tenant_path <@ $2::ltree or t.tenant_path @> $2::ltree)
        order by nlevel(t.tenant_path), tenant_name, t.indicator_code`,
      [args.period, path],
    );
    return rows.map(toType);
  }

  async set(input: SetIndicatorTargetInput): Promise<IndicatorTargetType> {
    const definition = definitionOf(input.code);
    if (definition.unit === 'percent' && input.target > 100) throw new ValidationFailedException(`Цель показателя ${definition.code} — процент, от 0 до 100.`);
    const em = await this.context.manager();
    const node = await this.node(input.tenantId);
    const [saved]: { id: string }[] = await em.query(
      `insert into indicator_targets (tenant_id, tenant_path, period, indicator_code, target, updated_at)
       values ($1, $2::ltree, $3, $4, $5, now())
       on conflict on constraint indicator_targets_one do update set target = excluded.target, updated_at = now()
       returning id`,
      [node.id, node.path, input.period, definition.code, input.target],
    );
    return this.get(saved.id);
  }

  async remove(id: string): Promise<IndicatorTargetType> {
    const target = await this.get(id);
    this.ensureWritable(target.tenantKind);
    const em = await this.context.manager();
    const deleted: unknown[] = await em.query(`delete from indicator_targets where id = $1 returning id`, [id]);
    if (deleted.length === 0) throw new NotFoundException('Цель не найдена или недоступна для изменения.');
    return target;
  }

  private async get(id: string): Promise<IndicatorTargetType> {
    const [row]: TargetRow[] = await (await this.context.manager()).query(`${SELECT} where t.id = $1`, [id]);
    if (!row) throw new NotFoundException('Цель не найдена или недоступна.');
    return toType(row);
  }

  /** The region or municipality a target is set for: the given one if the caller sees it, else the caller's own node. */
  private async node(tenantId?: string): Promise<{ id: string; path: string; kind: string }> {
    const scope = this.context.scope;
    const em = await this.context.manager();
    const [node]: { id: string; path: string; kind: string }[] = tenantId
      ? await em.query(`select id, path::text as path, kind from tenant_tree where id = $1`, [tenantId])
      : scope.tenantPath
        ? await em.query(`select id, path::text as path, kind from tenant_tree where path = $1::ltree`, [scope.tenantPath])
        : [];
    if (!node) throw new NotFoundException(tenantId ? 'Регион или муниципалитет не найден или недоступен.' : 'Укажите регион или муниципалитет.');
    this.ensureWritable(node.kind);
    if (scope.role === 'region-analyst' && scope.tenantPath && !isUnder(node.path, scope.tenantPath)) {
      throw new NotFoundException('Регион или муниципалитет не найден или недоступен.');
    }
    return node;
  }

  private ensureWritable(kind: string): void {
    if (kind.toLowerCase() !== 'region' && kind.toLowerCase() !== 'municipality') {
      throw new ValidationFailedException('Цели устанавливаются для региона или муниципалитета, не для организации.');
    }
  }
}

function definitionOf(code: string): IndicatorDefinition {
  const definition = INDICATORS.find((d) => d.code === code);
  if (!definition) throw new ValidationFailedException(`Неизвестный показатель «${code}».`);
  return definition;
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

function toType(row: TargetRow): IndicatorTargetType {
  const definition = INDICATORS.find((d) => d.code === row.indicator_code);
  return {
    id: row.id,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    tenantKind: row.tenant_kind.toUpperCase(),
    period: row.period,
    code: row.indicator_code,
    target: Number(row.target),
    direction: definition?.target?.direction ?? 'at_least',
    updatedAt: row.updated_at,
  };
}
