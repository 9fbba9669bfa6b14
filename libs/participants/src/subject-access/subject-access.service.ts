import { Injectable } from '@nestjs/common';
import { ForbiddenException, NotFoundException } from '@nastavnik/platform/errors/app.exceptions';
import { journal } from '@nastavnik/platform/personal-data/journal';
import { personalDataFieldsOf } from '@nastavnik/platform/personal-data/personal-data';
import { nameForms, subjectDataHandlers, type SubjectDataSection } from '@nastavnik/platform/personal-data/subject-data';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';

/** Everything the platform holds about one person, section by section (for JSON and the parent's PDF). */
export type SubjectAccessData = {
  generatedAt: string;
  participantId: string;
  tenantId: string;
  organisation: string;
  fullName: string;
  sections: SubjectDataSection[];
};

/**
 * Subject access (issue 14, 152-ФЗ ст. 14): what every lib's tables hold about one person, through
 * the handlers the libs register (platform/personal-data/subject-data.ts), in the curator's scope
 * (another school's person does not exist here). Journaled as an export of every section's records.
 */
@Injectable()
export class SubjectAccessService {
  constructor(private readonly context: TenantContext) {}

  async collect(participantId: string, operation: string): Promise<SubjectAccessData> {
    const scope = this.context.scope;
    if (scope.role !== 'curator' && scope.role !== 'platform-admin') throw new ForbiddenException();
    const em = await this.context.manager();
    const [p]: { tenant_id: string; last_name: string; first_name: string; middle_name: string | null; organisation: string | null }[] = await em.query(
      `select p.tenant_id, p.last_name, p.first_name, p.middle_name, (select t.full_name from tenant_tree t where t.id = p.tenant_id) as organisation
         from participants p where p.id = $1`,
      [participantId],
    );
    if (!p) throw new NotFoundException('Участник не найден или недоступен.');
    const subject = { tenantId: p.tenant_id, participantId, nameForms: nameForms(p.last_name, p.first_name, p.middle_name) };
    const sections: SubjectDataSection[] = [];
    for (const handler of subjectDataHandlers()) sections.push(...(await handler.collect(em, subject)));
    for (const section of sections) {
      const ids = section.rows.map((row) => row.id).filter((id): id is string => typeof id === 'string');
      if (ids.length > 0) journal.record({ tenantId: p.tenant_id, operation, action: 'export', entity: section.entity, ids, fields: [...personalDataFieldsOf(section.entity)] });
    }
    return {
      generatedAt: new Date().toISOString(),
      participantId,
      tenantId: p.tenant_id,
      organisation: p.organisation ?? '',
      fullName: [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' '),
      sections,
    };
  }
}
