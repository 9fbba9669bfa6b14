import { Injectable } from '@nestjs/common';
import { ForbiddenException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { TenantService } from '@nastavnik/tenants/tenant.service';

/** The Postgres error code and constraint of a failed statement, if it was one. */
export function pgFailure(error: unknown): { code?: string; constraint?: string } {
  const driver = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError ?? (error as { code?: string; constraint?: string } | null);
  return { code: driver?.code, constraint: driver?.constraint };
}

/**
 * Turns a broken reference to another lib's record (a programme or pair of another school, or
 * none at all — the composite foreign keys include the organisation) into a message a curator
 * can act on; anything else is rethrown as is.
 */
export function rethrowReference(error: unknown, prefix: string): never {
  const { code, constraint } = pgFailure(error);
  if (code === '23503' && constraint === `${prefix}_programme_fk`) throw new ValidationFailedException('Программа наставничества не найдена в организации участника.');
  if (code === '23503' && constraint === `${prefix}_pair_fk`) throw new ValidationFailedException('Наставническая пара (группа) не найдена в организации участника.');
  if (code === '23503' && constraint === `${prefix}_participant_fk`) throw new ValidationFailedException('Участник не найден.');
  throw error;
}

/**
 * The key of a template's transaction-level advisory lock: edits take it exclusively, saving a
 * response shares it (`pg_advisory_xact_lock[_shared](hashtextextended(key, 0))`).
 */
export function templateLockKey(templateId: string): string {
  return `questionnaire-template:${templateId.toLowerCase()}`;
}

/** ISO date of today in the region's calendar. */
export { todayIso } from '@nastavnik/platform/calendar';

/**
 * Which organisation a new record belongs to: a curator's own, always; a platform admin names
 * an organisation (or, where allowed, none — a platform default).
 */
@Injectable()
export class QuestionnaireOwnership {
  constructor(
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
  ) {}

  async tenantFor(requested: string | null | undefined, options: { allowNone?: boolean } = {}): Promise<string | null> {
    const scope = this.context.scope;
    if (scope.role === 'curator' && scope.tenantId) {
      if (requested && requested.toLowerCase() !== scope.tenantId) throw new ForbiddenException('Куратор вносит записи только своей организации.');
      return scope.tenantId;
    }
    if (scope.role !== 'platform-admin') throw new ForbiddenException();
    if (!requested) {
      if (options.allowNone) return null;
      throw new ValidationFailedException('Укажите организацию (tenantId), для которой вносится запись.');
    }
    const tenant = await this.tenants.get(requested.toLowerCase());
    if (tenant.kind !== 'organisation') throw new ValidationFailedException('Запись вносится для образовательной организации, а не для региона или муниципалитета.');
    return tenant.id;
  }
}
