import { Injectable } from '@nestjs/common';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { In, type EntityManager } from 'typeorm';
import { ConsentEntity } from './consent.entity';
import { todayIso, yearsBetween } from './dtos/input-helpers';
import { COLUMN_HEADINGS, columnOfField, headingOf, mapHeadings, parseRow, type ParsedRow } from './import/import-columns';
import type { ImportProblem, ImportReport } from './import/import-report';
import { decodeUpload, readTable, type ImportFileFormat } from './import/read-table';
import { ParticipantBaseEntryEntity } from './participant-base-entry.entity';
import type { BaseKind } from './participant.codes';
import { ParticipantEntity } from './participant.entity';
import { DRAFT_FIELDS, participantProblems, type ParticipantDraft } from './participant.rules';
import { emptyDraft, ParticipantRecordsService, pickDraft } from './participant-records.service';

type Outcome = 'created' | 'updated' | 'unchanged';
type PlannedRow = {
  row: ParsedRow;
  existing: ParticipantEntity | null;
  draft: ParticipantDraft;
  outcome: Outcome;
  changed: boolean;
  newBases: BaseKind[];
  newConsent: boolean;
};

const CHUNK = 500;

/**
 * Loads participants from an XLSX or CSV file (see `ParticipantImportResolver` for the columns).
 * A dry run plans and reports; a commit writes only when no row has an error, inside the
 * request's one transaction, so it is all or nothing. The natural key is the organisation + the
 * normalised full name (case, «ё»/«е», spaces) + the birth date: importing a file again updates
 * what changed and duplicates nothing. Empty cells never clear stored values.
 */
@Injectable()
export class ParticipantImportService {
  constructor(
    private readonly context: TenantContext,
    private readonly records: ParticipantRecordsService,
  ) {}

  /** The GraphQL mutation's upload: the file as base64, up to 1.5 MB. */
  async import(file: string, format: ImportFileFormat, dryRun: boolean, tenantId: string | null = null): Promise<ImportReport> {
    return this.importFile(decodeUpload(file), format, dryRun, tenantId);
  }

  /** The file's bytes (the REST route's raw body, up to 5 MB; or the decoded GraphQL upload). */
  async importFile(bytes: Buffer, format: ImportFileFormat, dryRun: boolean, tenantId: string | null = null): Promise<ImportReport> {
    const tenant = await this.records.targetTenant(tenantId);
    const table = await readTable(bytes, format);
    const { columns, problems: headingProblems } = mapHeadings(table.headings);
    if (headingProblems.length > 0) {
      const expected = Object.values(COLUMN_HEADINGS).map((names) => `«${names[0]}»`).join(', ');
      throw new ValidationFailedException(`Строка заголовков: ${headingProblems.join('; ')}. Допустимые столбцы: ${expected}.`);
    }
    const rows = table.rows.map((r) => parseRow(r.line, r.cells, columns));
    markDuplicates(rows);

    const em = await this.context.manager();
    const plans = await this.plan(em, tenant, rows.filter((r) => r.problems.length === 0));
    const errors: ImportProblem[] = rows
      .flatMap((r) => r.problems.map((p) => ({ line: r.line, column: p.column ?? null, message: p.message })))
      .sort((x, y) => x.line - y.line);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const plan of plans) counts[plan.outcome] += 1;
    const committed = !dryRun && errors.length === 0;
    if (committed) await this.write(em, tenant, plans);
    const written = dryRun || committed ? counts : { created: 0, updated: 0, unchanged: 0 };
    return { rows: rows.length, ...written, errors, dryRun, committed };
  }

  /** What each clean row would do; problems found against the stored data are added to the rows. */
  private async plan(em: EntityManager, tenantId: string, rows: ParsedRow[]): Promise<PlannedRow[]> {
    const existing = await this.existingByRow(em, tenantId, rows);
    const ids = [...new Set([...existing.values()].map((p) => p.id))];
    const basesOf = groupBy(ids.length ? await em.findBy(ParticipantBaseEntryEntity, { participantId: In(ids) }) : []);
    const consentsOf = groupBy(ids.length ? await em.findBy(ConsentEntity, { participantId: In(ids) }) : []);
    const today = todayIso();
    return rows.flatMap((row, index): PlannedRow[] => {
      const current = existing.get(index) ?? null;
      const kind = row.fields.kind ?? current?.kind ?? 'other';
      const base = current ? pickDraft(current) : emptyDraft(kind);
      const draft = this.records.merged(base, row.fields);
      for (const problem of participantProblems(draft, today)) row.problems.push({ column: columnOfField(problem.field), message: problem.message });
      const consent = row.consent;
      if (consent) {
        const signer = headingOf('consentSigner');
        const dated = headingOf('consentDate');
        if (consent.signedOn > today) row.problems.push({ column: dated, message: 'Дата согласия — в будущем.' });
        if (draft.birthDate && consent.signedOn < draft.birthDate) row.problems.push({ column: dated, message: 'Дата согласия раньше даты рождения.' });
        if (consent.validUntil && consent.validUntil < consent.signedOn) row.problems.push({ column: headingOf('consentValidUntil'), message: 'Срок действия согласия раньше даты подписания.' });
        if (consent.signedBy === 'self' && draft.birthDate && yearsBetween(draft.birthDate, consent.signedOn) < 18) {
          row.problems.push({ column: signer, message: 'Участник несовершеннолетний на дату согласия: согласие подписывает законный представитель.' });
        }
      }
      if (row.problems.length > 0) return [];
      const changed = current !== null && DRAFT_FIELDS.some((field) => !sameValue(draft[field], base[field]));
      const held = (current && basesOf.get(current.id)) || [];
      const newBases = row.bases.filter((b) => !held.some((e) => e.base === b));
      const signed = (current && consentsOf.get(current.id)) || [];
      const newConsent = consent !== null && !signed.some((c) => !c.revokedOn && c.signedOn === consent.signedOn && c.signedBy === consent.signedBy);
      const outcome: Outcome = !current ? 'created' : changed || newBases.length > 0 || newConsent ? 'updated' : 'unchanged';
      return [{ row, existing: current, draft, outcome, changed, newBases, newConsent }];
    });
  }

  /** Row index → the stored participant with the same natural key (the database computes the key, as for its unique index). */
  private async existingByRow(em: EntityManager, tenantId: string, rows: ParsedRow[]): Promise<Map<number, ParticipantEntity>> {
    if (rows.length === 0) return new Map();
    const matches: { ord: string; id: string }[] = await em.query(
      `select k.ord, p.id
         from unnest($1::text[], $2::text[], $3::text[], $4::date[]) with ordinality as k(last, first, middle, birth, ord)
         join participants p on p.tenant_id = $5
          and p.name_key = lower(translate(k.last || ' ' || k.first || coalesce(' ' || k.middle, ''), 'Ёё', 'Ее'))
          and p.birth_date is not distinct from k.birth`,
      [
        rows.map((r) => r.fields.lastName ?? ''),
        rows.map((r) => r.fields.firstName ?? ''),
        rows.map((r) => r.fields.middleName ?? null),
        rows.map((r) => r.fields.birthDate ?? null),
        tenantId,
      ],
    );
    const people = matches.length ? await em.findBy(ParticipantEntity, { id: In(matches.map((m) => m.id)) }) : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    return new Map(matches.flatMap((m) => (byId.has(m.id) ? [[Number(m.ord) - 1, byId.get(m.id) as ParticipantEntity] as [number, ParticipantEntity]] : [])));
  }

  private async write(em: EntityManager, tenantId: string, plans: PlannedRow[]): Promise<void> {
    const today = todayIso();
    const fresh = plans.filter((p) => p.outcome === 'created');
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const result = await em.insert(ParticipantEntity, chunk.map((p) => ({ ...p.draft, tenantId })));
      chunk.forEach((plan, j) => (plan.existing = { id: result.identifiers[j].id as string } as ParticipantEntity));
    }
    for (const plan of plans) if (plan.changed && plan.existing) await em.update(ParticipantEntity, { id: plan.existing.id }, plan.draft);
    const entries = plans.flatMap((p) => p.newBases.map((base) => ({ tenantId, participantId: p.existing?.id as string, base, status: 'potential' as const, includedOn: today })));
    for (let i = 0; i < entries.length; i += CHUNK) await em.insert(ParticipantBaseEntryEntity, entries.slice(i, i + CHUNK));
    const consents = plans.flatMap((p) => (p.newConsent && p.row.consent ? [{ tenantId, participantId: p.existing?.id as string, ...p.row.consent }] : []));
    for (let i = 0; i < consents.length; i += CHUNK) await em.insert(ConsentEntity, consents.slice(i, i + CHUNK));
  }
}

/** A repeated natural key inside the file is an error on every repeat, naming the first line. */
function markDuplicates(rows: ParsedRow[]): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const { lastName, firstName, middleName, birthDate } = row.fields;
    if (!lastName || !firstName) continue;
    const key = [lastName, firstName, middleName ?? '', birthDate ?? ''].join('|').toLowerCase().replace(/ё/g, 'е');
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row.line);
    else row.problems.push({ message: `Строка повторяет строку ${seen}: те же фамилия, имя, отчество и дата рождения.` });
  }
}

function groupBy<T extends { participantId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.participantId, [...(groups.get(item.participantId) ?? []), item]);
  return groups;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
