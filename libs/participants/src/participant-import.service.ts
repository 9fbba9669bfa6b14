import { Injectable } from '@nestjs/common';
import { ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { In, type EntityManager } from 'typeorm';
import { ConsentEntity } from './consent.entity';
import { todayIso, yearsBetween } from './dtos/input-helpers';
import { columnHeading, layoutOf, NO_MAPPING, type ColumnMapping, type Layout, type LayoutColumn } from './import/column-layout';
import { delimiterName } from './import/decode-text';
import { columnKeyOfField, rowParser, type ParsedRow } from './import/import-columns';
import { COLUMN_HEADINGS, IMPORT_FIELDS, importFieldName } from './import/import-fields';
import type { ImportColumn, ImportColumnMapping, ImportLayout, ImportProblem, ImportReport } from './import/import-report';
import { rejectedRowsXlsx, templateXlsx } from './import/import-workbooks';
import { decodeUpload, MAX_IMPORT_ROWS, readTable, type ImportFileFormat, type SheetTable } from './import/read-table';
import { saveMapping, savedMapping, savedMappingList } from './import/saved-mappings';
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

/** How a request may read and load a file beyond its bytes and format. */
export type ImportOptions = {
  /** The curator's assignment of headings to fields (over the school's saved one and the table of headings). */
  mapping?: ColumnMapping;
  /** Load the valid rows even when others have errors (a partial commit); the others are reported. */
  commitValid?: boolean;
};

/** A file read and checked: its layout, each row parsed, what the valid rows would do. */
type Checked = { table: SheetTable; layout: Layout; rows: ParsedRow[]; plans: PlannedRow[]; errors: ImportProblem[] };

const CHUNK = 500;

/**
 * Loads participants from an XLSX or CSV file as schools keep them (see `ParticipantImportResolver`
 * for the columns). The header row is found below any title rows; each column is read as the
 * request's mapping, the school's saved mapping or the table of headings says (import-fields.ts).
 * A dry run plans and reports; a commit writes, inside the request's one transaction, either only
 * when no row has an error (all or nothing) or, with `commitValid`, the valid rows, the others
 * reported (and given back as an XLSX by `rejectedFile`). The natural key is the organisation +
 * the normalised full name (case, «ё»/«е», spaces) + the birth date: importing a file again
 * updates what changed and duplicates nothing. Empty cells never clear stored values.
 */
@Injectable()
export class ParticipantImportService {
  constructor(
    private readonly context: TenantContext,
    private readonly records: ParticipantRecordsService,
  ) {}

  /** The GraphQL mutation's upload: the file as base64, up to 1.5 MB. */
  async import(file: string, format: ImportFileFormat, dryRun: boolean, tenantId: string | null = null, options: ImportOptions = {}): Promise<ImportReport> {
    return this.importFile(decodeUpload(file), format, dryRun, tenantId, options);
  }

  /** The file's bytes (the REST route's raw body, up to 5 MB; or the decoded GraphQL upload). */
  async importFile(bytes: Buffer, format: ImportFileFormat, dryRun: boolean, tenantId: string | null = null, options: ImportOptions = {}): Promise<ImportReport> {
    const tenant = await this.records.targetTenant(tenantId);
    const em = await this.context.manager();
    const checked = await this.check(em, tenant, bytes, format, options.mapping ?? NO_MAPPING);
    const { rows, plans, errors, layout, table } = checked;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const plan of plans) counts[plan.outcome] += 1;
    const committed = !dryRun && (errors.length === 0 || options.commitValid === true);
    if (committed) {
      await this.write(em, tenant, plans);
      if (options.mapping && options.mapping.size > 0) await saveMapping(em, tenant, options.mapping);
    }
    const written = dryRun || committed ? counts : { created: 0, updated: 0, unchanged: 0 };
    return {
      rows: rows.length,
      ...written,
      rejected: new Set(errors.map((e) => e.line)).size,
      errors,
      dryRun,
      committed,
      headerLine: layout.headerLine,
      titleLines: layout.titleLines,
      columns: layout.columns.map(columnOf),
      encoding: table.encoding,
      delimiter: table.delimiter && delimiterName(table.delimiter),
    };
  }

  /**
   * How the file's columns would be read (the console's mapping step): the header row, the title
   * rows skipped, each column's field and where that came from, what still keeps the file from
   * loading, and the fields a column can be assigned to. Refuses only what cannot be read at all.
   */
  async columns(bytes: Buffer, format: ImportFileFormat, tenantId: string | null, mapping: ColumnMapping = NO_MAPPING): Promise<ImportLayout> {
    const tenant = await this.records.targetTenant(tenantId);
    const em = await this.context.manager();
    const { table, layout } = await this.layout(em, tenant, bytes, format, mapping);
    return {
      headerLine: layout.headerLine,
      titleLines: layout.titleLines,
      columns: layout.columns.map(columnOf),
      problems: layout.problems,
      rows: layout.rows.length,
      encoding: table.encoding,
      delimiter: table.delimiter && delimiterName(table.delimiter),
      fields: IMPORT_FIELDS.map((spec) => ({ field: importFieldName(spec.key), heading: spec.heading, hint: spec.hint })),
    };
  }

  /** The rows a dry run of the file refuses, with «Ошибка», as an XLSX to fix and load again (import-workbooks.ts). */
  async rejectedFile(bytes: Buffer, format: ImportFileFormat, tenantId: string | null, mapping: ColumnMapping = NO_MAPPING): Promise<Buffer> {
    const tenant = await this.records.targetTenant(tenantId);
    const em = await this.context.manager();
    const { layout, rows } = await this.check(em, tenant, bytes, format, mapping);
    const byLine = new Map(layout.rows.map((row) => [row.line, row]));
    const rejected = rows.filter((row) => row.problems.length > 0).map((row) => ({ row: byLine.get(row.line) ?? { line: row.line, cells: [] }, problems: row.problems }));
    return rejectedRowsXlsx(layout.columns, rejected);
  }

  /** The template to fill in (every known column, an example row, a help sheet). */
  template(): Promise<Buffer> {
    return templateXlsx();
  }

  /** The school's remembered column mappings. */
  async savedMapping(tenantId: string | null): Promise<ImportColumnMapping[]> {
    const tenant = await this.records.targetTenant(tenantId);
    return savedMappingList(await this.context.manager(), tenant);
  }

  private async layout(em: EntityManager, tenant: string, bytes: Buffer, format: ImportFileFormat, mapping: ColumnMapping): Promise<{ table: SheetTable; layout: Layout }> {
    const table = await readTable(bytes, format);
    const layout = layoutOf(table.rows, table.merges, mapping, await savedMapping(em, tenant));
    if (layout.rows.length > MAX_IMPORT_ROWS) {
      throw new ValidationFailedException(`В файле ${layout.rows.length} строк с данными; за один раз можно загрузить не больше ${MAX_IMPORT_ROWS}. Разделите файл на части.`);
    }
    return { table, layout };
  }

  /** Reads the file, refuses it when its columns cannot be read, parses and plans every row. */
  private async check(em: EntityManager, tenant: string, bytes: Buffer, format: ImportFileFormat, mapping: ColumnMapping): Promise<Checked> {
    const { table, layout } = await this.layout(em, tenant, bytes, format, mapping);
    if (layout.problems.length > 0) throw headerProblem(layout);
    const parse = rowParser(layout.columns);
    const rows = layout.rows.map((r) => parse(r.line, r.cells));
    markDuplicates(rows);
    const plans = await this.plan(em, tenant, rows.filter((r) => r.problems.length === 0), layout.columns);
    const errors: ImportProblem[] = rows
      .flatMap((r) => r.problems.map((p) => ({ line: r.line, column: p.column ?? null, message: p.message })))
      .sort((x, y) => x.line - y.line);
    return { table, layout, rows, plans, errors };
  }

  /** What each clean row would do; problems found against the stored data are added to the rows. */
  private async plan(em: EntityManager, tenantId: string, rows: ParsedRow[], columns: readonly LayoutColumn[]): Promise<PlannedRow[]> {
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
      for (const problem of participantProblems(draft, today)) row.problems.push({ column: columnHeading(columns, columnKeyOfField(problem.field)), message: problem.message });
      const consent = row.consent;
      if (consent) {
        const signer = columnHeading(columns, 'consentSigner');
        const dated = columnHeading(columns, 'consentDate');
        if (consent.signedOn > today) row.problems.push({ column: dated, message: 'Дата согласия — в будущем.' });
        if (draft.birthDate && consent.signedOn < draft.birthDate) row.problems.push({ column: dated, message: 'Дата согласия раньше даты рождения.' });
        if (consent.validUntil && consent.validUntil < consent.signedOn) row.problems.push({ column: columnHeading(columns, 'consentValidUntil'), message: 'Срок действия согласия раньше даты подписания.' });
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

/** The file's columns cannot be read as they are named or mapped: the whole file is refused, naming each reason. */
function headerProblem(layout: Layout): ValidationFailedException {
  const where = layout.titleLines.length > 0 ? ` (строка ${layout.headerLine}; строки выше — название списка, они пропускаются)` : '';
  const expected = COLUMN_HEADINGS.map((heading) => `«${heading}»`).join(', ');
  const unknown = layout.columns.some((c) => c.field === null)
    ? ' Неизвестный столбец сопоставьте с полем участника или отметьте «Не загружать» (в консоли — на шаге сопоставления столбцов, в API — аргумент mapping).'
    : '';
  return new ValidationFailedException(`Строка заголовков${where}: ${layout.problems.join('; ')}. Допустимые столбцы: ${expected}.${unknown}`);
}

function columnOf(column: LayoutColumn): ImportColumn {
  return { letter: column.letter, heading: column.heading, field: column.field && importFieldName(column.field), source: column.source, samples: column.samples };
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
