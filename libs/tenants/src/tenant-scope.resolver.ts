import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nastavnik/platform/auth/principal';
import { ForbiddenException } from '@nastavnik/platform/errors/app.exceptions';
import { ScopeResolver, type Scope } from '@nastavnik/platform/tenancy/scope';
import { DataSource } from 'typeorm';
import type { TenantKind } from './tenant.entity';

type TenantRef = { id: string; kind: TenantKind; path: string };

const CACHE_MS = 60_000;

/**
 * Principal → scope, from the `tenant_code` claim: a curator is bound to an organisation, a region
 * analyst to a region or municipality, a ministry official to a region or (no claim) the whole
 * country, a platform admin to everything. Anything else is refused.
 */
@Injectable()
export class TenantScopeResolver extends ScopeResolver {
  private readonly cache = new Map<string, { ref: TenantRef | null; at: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async resolve(principal: Principal): Promise<Scope> {
    const base = { role: principal.role, actor: principal.subject };
    if (principal.role === 'platform-admin') return { ...base, tenantId: null, tenantPath: null, allTenants: true };
    if (principal.role === 'ministry-official' && !principal.tenantCode) {
      return { ...base, tenantId: null, tenantPath: null, allTenants: true };
    }
    const ref = principal.tenantCode ? await this.lookup(principal.tenantCode) : null;
    const allowedKinds: Record<string, TenantKind[]> = {
      curator: ['organisation'],
      'region-analyst': ['region', 'municipality'],
      'ministry-official': ['region'],
    };
    if (!ref || !allowedKinds[principal.role]?.includes(ref.kind)) {
      throw new ForbiddenException('Учётная запись не привязана к подходящей организации или региону (атрибут tenant_code). Обратитесь к администратору платформы.');
    }
    return { ...base, tenantId: ref.id, tenantPath: ref.path, allTenants: false };
  }

  private async lookup(code: string): Promise<TenantRef | null> {
    const hit = this.cache.get(code);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.ref;
    const rows: TenantRef[] = await this.dataSource.query(`select id, kind, path::text as path from app.tenant_by_code($1)`, [code]);
    const ref = rows[0] ?? null;
    this.cache.set(code, { ref, at: Date.now() });
    return ref;
  }
}
