import { Injectable } from '@nestjs/common';
import { ForbiddenException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantService } from '@nastavnik/tenants/tenant.service';

/**
 * Which organisation a new top-level record (programme, roadmap, order) belongs to: a curator's
 * own, always; a platform admin names it. Child records take their parent's organisation.
 */
@Injectable()
export class TenantOwnership {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  async forNewRecord(requested: string | null | undefined): Promise<string> {
    const scope = this.context.scope;
    if (scope.role === 'curator' && scope.tenantId) {
      if (requested && requested !== scope.tenantId) throw new ForbiddenException('Куратор создаёт записи только своей организации.');
      return scope.tenantId;
    }
    if (scope.role !== 'platform-admin') throw new ForbiddenException();
    if (!requested) throw new ValidationFailedException('Укажите организацию (tenantId), для которой создаётся запись.');
    const tenant = await this.tenants.get(requested);
    if (tenant.kind !== 'organisation') throw new ValidationFailedException('Запись создаётся для образовательной организации, а не для региона или муниципалитета.');
    return tenant.id;
  }
}
