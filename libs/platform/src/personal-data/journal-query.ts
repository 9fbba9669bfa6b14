import { Args, ArgsType, Field, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { createRequire } from 'node:module';
import { Controller, Get, Injectable, Module, Query as HttpQuery, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { safeCell, type SheetCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import { Roles } from '../auth/auth.decorators';
import { DateField, EnumField, FilterField, IdField, TextField } from '../graphql/input-fields';
import { ListArgs, ListMetadata } from '../graphql/list-args';
import { containsPattern } from '../graphql/list-query';
import { ValidationFailedException } from '../errors/app.exceptions';
import { lookupTable } from '@nastavnik/contracts/lookup';
import { TenantContext } from '../tenancy/tenant-context';
import { JOURNAL_ACTIONS, type JournalAction } from './journal-event';
import { journalEntityTitleOf, journalEntityTitles, personalDataFieldTitles } from './personal-data';

/** The journal's actions as a GraphQL enum (values upper-case, as the schema's other enums). */
export enum JournalActionValue {
  READ = 'read',
  CREATE = 'create',
  UPDATE = 'update',
  DELETE = 'delete',
  IMPORT = 'import',
  EXPORT = 'export',
  ERASE = 'erase',
}

registerEnumType(JournalActionValue, {
  name: 'JournalAction',
  description: 'Действие с персональными данными',
  valuesMap: {
    READ: { description: 'чтение' }, CREATE: { description: 'создание' }, UPDATE: { description: 'изменение' }, DELETE: { description: 'удаление' },
    IMPORT: { description: 'загрузка из файла' }, EXPORT: { description: 'выгрузка в файл' }, ERASE: { description: 'обезличивание' },
  },
});

@ObjectType('AccessJournalEntry', { description: 'Запись журнала доступа к персональным данным' })
export class AccessJournalEntry {
  @Field(() => ID, { description: 'Организация и номер записи в её цепочке' })
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => Int, { description: 'Номер записи в цепочке организации' })
  seq!: number;

  @Field({ description: 'Когда' })
  at!: Date;

  @Field({ description: 'Кто: идентификатор учётной записи (или «respondent-link» — ответ по ссылке)' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Логин' })
  actorName!: string | null;

  @Field({ description: 'Роль' })
  role!: string;

  @Field({ description: 'Технический вызов: поле GraphQL или адрес запроса' })
  operation!: string;

  @Field(() => JournalActionValue)
  action!: JournalAction;

  @Field({ description: 'Сущность (имя типа)' })
  entity!: string;

  @Field({ description: 'Сущность по-русски' })
  entityTitle!: string;

  @Field(() => [String], { description: 'Идентификаторы записей' })
  entityIds!: string[];

  @Field(() => [String], { description: 'Поля персональных данных (имена, не значения)' })
  fields!: string[];

  @Field(() => [String], { description: 'Поля персональных данных по-русски, в том же порядке' })
  fieldTitles!: string[];

  @Field(() => String, { nullable: true })
  requestId!: string | null;

  @Field(() => String, { nullable: true, description: 'Адрес источника запроса' })
  sourceAddress!: string | null;
}

@ObjectType('JournalEntity', { description: 'Сущность, которую записывает журнал доступа' })
export class JournalEntity {
  @Field({ description: 'Имя типа (значение фильтра «Сущность»)' })
  entity!: string;

  @Field({ description: 'Название по-русски' })
  title!: string;
}

@InputType('AccessJournalFilter')
export class AccessJournalFilter {
  @DateField('Период: с', { optional: true }) from?: string;
  @DateField('Период: по', { optional: true }) to?: string;
  @TextField('Кто', 0, 200, { optional: true, description: 'Часть логина или идентификатора' }) actor?: string;
  @TextField('Операция', 0, 200, { optional: true, description: 'Часть названия операции' }) operation?: string;
  @TextField('Сущность', 0, 100, { optional: true }) entity?: string;
  @EnumField(JournalActionValue, `Действие: ${JOURNAL_ACTIONS.join(', ')}.`, { optional: true }) action?: JournalActionValue;
  @IdField('Организация', { optional: true, description: 'Только для администратора платформы' }) tenantId?: string;
  @IdField('Запись', { optional: true, description: 'Записи, где встречается этот идентификатор' }) entityId?: string;
}

@ArgsType()
export class AccessJournalListArgs extends ListArgs {
  @FilterField(() => AccessJournalFilter) filter?: AccessJournalFilter;
}

type Row = {
  tenant_id: string; seq: string; at: Date; actor: string; actor_name: string | null; role: string; operation: string; action: JournalAction;
  entity: string; entity_ids: string[]; fields: string[]; request_id: string | null; source_address: string | null;
};

const SORTS = lookupTable<string>({ at: 'at', actor: 'actor_name', operation: 'operation', entity: 'entity' });

/**
 * Reads the access journal under the caller's scope: the policies show a curator their school's
 * rows and the platform admin every school's (the journal's own forced RLS, docs/adr/0023).
 */
@Injectable()
export class AccessJournalService {
  constructor(private readonly context: TenantContext) {}

  async list(args: AccessJournalListArgs, maxPerPage = 500): Promise<AccessJournalEntry[]> {
    const perPage = Math.min(args.perPage, maxPerPage);
    const sort = SORTS.get(args.sortField ?? 'at');
    if (!sort) throw new ValidationFailedException(`Сортировка по полю «${args.sortField}» не поддерживается.`);
    const order = args.sortOrder.toUpperCase() === 'ASC' && args.sortField ? 'asc' : 'desc';
    const { where, params } = this.where(args.filter);
    const em = await this.context.manager();
    const rows: Row[] = await em.query(
      `select * from access_journal ${where} order by ${sort} ${order}, at desc, seq desc offset ${args.page * perPage} limit ${perPage}`,
      params,
    );
    return rows.map(toEntry);
  }

  async count(filter: AccessJournalFilter | undefined): Promise<number> {
    const { where, params } = this.where(filter);
    const em = await this.context.manager();
    const [row]: { n: number }[] = await em.query(`select count(*)::int as n from access_journal ${where}`, params);
    return row.n;
  }

  private where(filter: AccessJournalFilter | undefined): { where: string; params: unknown[] } {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter?.from) add((p) => `at >= ${p}::date`, filter.from);
    if (filter?.to) add((p) => `at < ${p}::date + 1`, filter.to);
    if (filter?.actor?.trim()) add((p) => `(actor_name ilike ${p} or actor ilike ${p})`, containsPattern(filter.actor));
    if (filter?.operation?.trim()) add((p) => `operation ilike ${p}`, containsPattern(filter.operation));
    if (filter?.entity?.trim()) add((p) => `entity = ${p}`, filter.entity.trim());
    if (filter?.action) add((p) => `action = ${p}`, filter.action);
    if (filter?.tenantId) add((p) => `tenant_id = ${p}::uuid`, filter.tenantId.toLowerCase());
    if (filter?.entityId) add((p) => `${p} = any (entity_ids)`, filter.entityId.toLowerCase());
    return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
  }
}

function toEntry(row: Row): AccessJournalEntry {
  return {
    id: `${row.tenant_id}:${row.seq}`,
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    actorName: row.actor_name,
    role: row.role,
    operation: row.operation,
    action: row.action,
    entity: row.entity,
    entityTitle: journalEntityTitleOf(row.entity) ?? row.entity,
    entityIds: row.entity_ids,
    fields: row.fields,
    fieldTitles: personalDataFieldTitles(row.entity, row.fields),
    requestId: row.request_id,
    sourceAddress: row.source_address,
  };
}

/** The journal for the console's «Журнал доступа»: a curator their school's, the platform admin every school's. */
@Resolver(() => AccessJournalEntry)
export class AccessJournalResolver {
  constructor(private readonly journal: AccessJournalService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [AccessJournalEntry], { description: 'Журнал доступа к персональным данным (новые первыми)' })
  allAccessJournalEntries(@Args({ type: () => AccessJournalListArgs }) args: AccessJournalListArgs): Promise<AccessJournalEntry[]> {
    return this.journal.list(args);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => [JournalEntity], { description: 'Сущности журнала доступа с русскими названиями (для фильтра)' })
  accessJournalEntities(): JournalEntity[] {
    return journalEntityTitles();
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  _allAccessJournalEntriesMeta(@Args({ type: () => AccessJournalListArgs }) args: AccessJournalListArgs): Promise<ListMetadata> {
    return this.journal.count(args.filter).then((count) => ({ count }));
  }
}

/** At most this many rows (the newest) go into one XLSX; a narrower period gets the rest. */
export const JOURNAL_EXPORT_MAX_ROWS = 20_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADINGS = ['Когда', 'Организация', 'Номер', 'Кто', 'Логин', 'Роль', 'Действие', 'Сущность', 'Записи', 'Поля персональных данных', 'Технический вызов', 'Запрос', 'Адрес'];
const ACTION_TITLES = lookupTable<string>({
  read: 'чтение', create: 'создание', update: 'изменение', delete: 'удаление', import: 'загрузка из файла', export: 'выгрузка в файл', erase: 'обезличивание',
} satisfies Record<JournalAction, string>);
const ROLE_TITLES = lookupTable<string>({
  curator: 'куратор', 'region-analyst': 'аналитик региона', 'ministry-official': 'сотрудник министерства', 'platform-admin': 'администратор платформы',
  respondent: 'ответ по ссылке', system: 'система',
});
/** «05.12.2026 07:03:41» in Moscow time: how the operator's staff read a time, not ISO. */
const MOSCOW_TIME = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'medium' });
// ExcelJS is loaded on the first export, not at start-up.
const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

/**
 * `GET /access-journal/export.xlsx?from=&to=&actor=&operation=&entity=&action=&tenantId=&entityId=`:
 * the filtered journal (the caller's scope decides which schools, as for the query), newest first,
 * as an XLSX written cell by cell through the formula-safe writer (`safeCell`, libs/contracts).
 */
@Controller('access-journal')
export class AccessJournalExportController {
  constructor(private readonly journal: AccessJournalService) {}

  @Roles('curator', 'platform-admin')
  @Get('export.xlsx')
  async export(@HttpQuery() filter: AccessJournalFilter, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const args = Object.assign(new AccessJournalListArgs(), { page: 0, perPage: JOURNAL_EXPORT_MAX_ROWS, sortField: 'at', sortOrder: 'DESC', filter });
    const entries = await this.journal.list(args, JOURNAL_EXPORT_MAX_ROWS);
    const workbook = new (exceljs().Workbook)();
    const sheet = workbook.addWorksheet('Журнал доступа');
    const addRow = (cells: SheetCell[]) => sheet.addRow(cells.map(safeCell));
    addRow(HEADINGS);
    for (const e of entries) {
      addRow([
        `${MOSCOW_TIME.format(e.at)} МСК`, e.tenantId, e.seq, e.actor, e.actorName, ROLE_TITLES.get(e.role) ?? e.role, ACTION_TITLES.get(e.action) ?? e.action,
        e.entityTitle, e.entityIds.join(', '), e.fieldTitles.join(', '), e.operation, e.requestId, e.sourceAddress,
      ]);
    }
    sheet.getRow(1).font = { bold: true };
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const name = 'Журнал доступа.xlsx';
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="access-journal.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff');
    return bytes;
  }
}

@Module({ providers: [AccessJournalService, AccessJournalResolver], controllers: [AccessJournalExportController] })
export class AccessJournalModule {}
