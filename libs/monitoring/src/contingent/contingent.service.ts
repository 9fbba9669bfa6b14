import { Injectable } from '@nestjs/common';
import { ConflictException, ForbiddenException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { journal } from '@nastavnik/platform/personal-data/journal';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { decodeUpload, readTable } from '@nastavnik/participants/import/read-table';
import type { ImportFormat } from '@nastavnik/participants/import/import-report';
import { pgFailure } from '../questionnaire-common';
import { contingentTemplateXlsx } from './contingent-template';
import { parseContingentRows, type ContingentFileLine, type ContingentFileProblem } from './contingent-file';
import type { ContingentAgeInput, CreateSchoolContingentInput, SchoolContingentFilter, UpdateSchoolContingentInput } from './contingent.inputs';
import { type ContingentAgeType, type ContingentImportLine, type ContingentImportReport, ContingentSource, type SchoolContingentType } from './contingent.types';

type Row = {
  id: string;
  tenant_id: string;
  tenant_name: string;
  tenant_code: string;
  school_year: string;
  teachers: number;
  source: ContingentSource;
  updated_at: Date;
  ages: ContingentAgeType[];
};

const SORTABLE: ReadonlyMap<string, string> = new Map([
  ['schoolYear', 'c.school_year'],
  ['tenantName', 't.short_name'],
  ['teachers', 'c.teachers'],
  ['updatedAt', 'c.updated_at'],
]);

const SELECT = `
  select c.id, c.tenant_id, t.short_name as tenant_name, t.code as tenant_code, c.school_year, c.teachers, c.source, c.updated_at,
         coalesce((select json_agg(json_build_object('age', a.age, 'pupils', a.pupils) order by a.age)
                     from school_contingent_ages a where a.tenant_id = c.tenant_id and a.contingent_id = c.id), '[]'::json) as ages
    from school_contingents c
    join tenant_tree t on t.id = c.tenant_id`;

/** The sums the indicators use (docs/adr/0027): every pupil, 10–19 (T1), 15–19 (T2). */
export function contingentTotals(ages: Iterable<{ age: number; pupils: number }>): { pupils: number; pupils10To19: number; pupils15To19: number } {
  let pupils = 0;
  let pupils10To19 = 0;
  let pupils15To19 = 0;
  for (const { age, pupils: n } of ages) {
    pupils += n;
    if (age >= 10 && age <= 19) pupils10To19 += n;
    if (age >= 15 && age <= 19) pupils15To19 += n;
  }
  return { pupils, pupils10To19, pupils15To19 };
}

/**
 * The school's contingent (контингент, docs/adr/0027): per school year, pupils by age on
 * 1 September and teachers — counts only, no person. The school's curator enters or imports its
 * own; a region analyst imports (or corrects) the schools under the region in one file; readers
 * over the subtree read. Row-level security on both tables decides what exists for whom; a write
 * records the school's recompute request for the year (the table's trigger), so the indicators
 * take their denominators from it on the next recompute.
 */
@Injectable()
export class ContingentService {
  constructor(private readonly context: TenantContext) {}

  async list(args: ListArgs, filter: SchoolContingentFilter = {}): Promise<SchoolContingentType[]> {
    const { where, values } = this.where(filter);
    const sort = SORTABLE.get(args.sortField ?? 'schoolYear');
    if (!sort) throw new ValidationFailedException(`Сортировка по полю «${args.sortField}» не поддерживается.`, [{ field: 'sortField', message: `Можно сортировать по: ${[...SORTABLE.keys()].join(', ')}.` }]);
    const order = (args.sortOrder ?? 'ASC').toUpperCase() === 'DESC' ? 'desc' : 'asc';
    values.push(args.perPage, args.page * args.perPage);
    const rows: Row[] = await (await this.context.manager()).query(
      `${SELECT} ${where} order by ${sort} ${order}, t.short_name, c.id limit $${values.length - 1} offset $${values.length}`,
      values,
    );
    return rows.map(toType);
  }

  async count(filter: SchoolContingentFilter = {}): Promise<number> {
    const { where, values } = this.where(filter);
    const [row] = await (await this.context.manager()).query(`select count(*)::int as n from school_contingents c join tenant_tree t on t.id = c.tenant_id ${where}`, values);
    return row.n;
  }

  async get(id: string): Promise<SchoolContingentType> {
    const [row]: Row[] = await (await this.context.manager()).query(`${SELECT} where c.id = $1`, [id]);
    if (!row) throw new NotFoundException('Контингент не найден или недоступен.');
    return toType(row);
  }

  async create(input: CreateSchoolContingentInput): Promise<SchoolContingentType> {
    const tenantId = await this.tenantFor(input.tenantId);
    const ages = checkedAges(input.ages);
    const em = await this.context.manager();
    let id: string;
    try {
      [{ id }] = await em.query(
        `insert into school_contingents (tenant_id, school_year, teachers, source) values ($1, $2, $3, 'console') returning id`,
        [tenantId, input.schoolYear, input.teachers],
      );
    } catch (error) {
      const { code, constraint } = pgFailure(error);
      if (code === '23505' && constraint === 'school_contingents_one_per_year') throw new ConflictException(`Контингент за ${input.schoolYear} учебный год уже внесён — откройте его и измените.`);
      throw error;
    }
    await this.writeAges(tenantId, id, ages);
    return this.get(id);
  }

  async update(id: string, input: UpdateSchoolContingentInput): Promise<SchoolContingentType> {
    const current = await this.get(id);
    this.mayWrite(current.tenantId);
    const em = await this.context.manager();
    await em.query(`update school_contingents set teachers = coalesce($2, teachers), source = 'console', updated_at = now() where id = $1`, [id, input.teachers ?? null]);
    if (input.ages) await this.writeAges(current.tenantId, id, checkedAges(input.ages), true);
    return this.get(id);
  }

  async remove(id: string): Promise<SchoolContingentType> {
    const current = await this.get(id);
    this.mayWrite(current.tenantId);
    const deleted = await (await this.context.manager()).query(`delete from school_contingents where id = $1 returning id`, [id]);
    if (!deleted.length) throw new NotFoundException('Контингент не найден или недоступен.');
    return current;
  }

  /**
   * A contingent file (`contingent-file.ts`): a school's own (its code optional) or a region's (a
   * row per school by code, schools under the analyst's region). A dry run checks every line and
   * shows what would be written; a commit writes every line or — when any line is wrong — nothing.
   */
  async import(file: string, format: ImportFormat, dryRun: boolean, schoolYear: string | null): Promise<ContingentImportReport> {
    const scope = this.context.scope;
    if (scope.role !== 'curator' && scope.role !== 'region-analyst') throw new ForbiddenException('Контингент загружает куратор школы (свой) или региональный аналитик (школ региона).');
    const table = await readTable(decodeUpload(file), format);
    const { lines, problems } = parseContingentRows(table.rows, schoolYear);
    const errors: ContingentFileProblem[] = [...problems];
    const resolved = await this.resolveSchools(lines, errors);
    const report: ContingentImportReport = { dryRun, committed: false, lines: resolved.map(({ line }) => line), errors };
    if (dryRun || errors.length || resolved.length === 0) return report;
    const source = scope.role === 'curator' ? ContingentSource.SCHOOL_IMPORT : ContingentSource.REGION_IMPORT;
    const em = await this.context.manager();
    const written = new Map<string, string[]>();
    for (const { line, ages } of resolved) {
      const [{ id }] = await em.query(
        `insert into school_contingents (tenant_id, school_year, teachers, source) values ($1, $2, $3, $4)
         on conflict (tenant_id, school_year) do update set teachers = excluded.teachers, source = excluded.source, updated_at = now()
         returning id`,
        [line.tenantId, line.schoolYear, line.teachers, source],
      );
      await this.writeAges(line.tenantId, id, [...ages].map(([age, pupils]) => ({ age, pupils })), true);
      written.set(line.tenantId, [...(written.get(line.tenantId) ?? []), id]);
    }
    // The import is an event of the access journal (issue 14), though it holds no person: counts only, no fields.
    // (The journal keeps a school's curator's events; a region analyst's touch no personal data and are not recorded.)
    for (const [tenantId, ids] of written) journal.record({ tenantId, operation: 'importSchoolContingents', action: 'import', entity: 'SchoolContingent', ids, fields: [] });
    return { ...report, committed: true };
  }

  /** The template (base64): a school's, or a region's with a row per school of the analyst's region. */
  async template(region: boolean): Promise<string> {
    const schools: { code: string; name: string }[] = region
      ? await (await this.context.manager()).query(`select code, short_name as name from tenant_tree where kind = 'organisation' order by path limit 5000`)
      : [];
    return (await contingentTemplateXlsx(region, schools)).toString('base64');
  }

  /** The schools of the file's lines: the curator's own, or by code under the analyst's region; one line per school and year. */
  private async resolveSchools(lines: ContingentFileLine[], errors: ContingentFileProblem[]): Promise<{ line: ContingentImportLine; ages: Map<number, number> }[]> {
    const scope = this.context.scope;
    const em = await this.context.manager();
    const codes = [...new Set(lines.map((l) => l.code).filter((code): code is string => code !== null))];
    const schools: { id: string; code: string; name: string }[] = await em.query(
      `select id, code, short_name as name from tenant_tree where kind = 'organisation' and (code = any($1::text[]) or id = $2::uuid)`,
      [codes, scope.role === 'curator' ? scope.tenantId : null],
    );
    const byCode = new Map(schools.map((s) => [s.code.toLowerCase(), s]));
    const own = scope.role === 'curator' ? schools.find((s) => s.id === scope.tenantId) : undefined;
    const existing: { tenant_id: string; school_year: string }[] = await em.query(`select tenant_id, school_year from school_contingents where tenant_id = any($1::uuid[])`, [schools.map((s) => s.id)]);
    const seen = new Map<string, number>();
    const result: { line: ContingentImportLine; ages: Map<number, number> }[] = [];
    for (const line of lines) {
      const problem = (column: string | null, message: string) => errors.push({ line: line.line, column, message: `Строка ${line.line}${column ? `, «${column}»` : ''}: ${message}` });
      let school = line.code === null ? undefined : byCode.get(line.code.toLowerCase());
      if (scope.role === 'curator') {
        if (line.code !== null && school?.id !== scope.tenantId) {
          problem('Код ОО', `код «${line.code}» — не код вашей организации${own ? ` (${own.code})` : ''}: куратор загружает только свой контингент.`);
          continue;
        }
        school = own;
      } else if (line.code === null) {
        problem('Код ОО', 'не заполнен: в файле региона каждая строка — организация с её кодом.');
        continue;
      } else if (!school) {
        problem('Код ОО', `организация с кодом «${line.code}» не найдена в вашем регионе.`);
        continue;
      }
      if (!school) {
        problem(null, 'организация куратора не найдена.');
        continue;
      }
      const key = `${school.id} ${line.schoolYear}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem(null, `${school.name}, ${line.schoolYear} — уже в строке ${earlier}.`);
        continue;
      }
      seen.set(key, line.line);
      result.push({
        line: {
          line: line.line, tenantId: school.id, tenantCode: school.code, tenantName: school.name, schoolYear: line.schoolYear, teachers: line.teachers,
          ...contingentTotals([...line.ages].map(([age, pupils]) => ({ age, pupils }))),
          replaces: existing.some((e) => e.tenant_id === school.id && e.school_year === line.schoolYear),
        },
        ages: line.ages,
      });
    }
    return result;
  }

  private async writeAges(tenantId: string, contingentId: string, ages: ContingentAgeInput[], replace = false): Promise<void> {
    const em = await this.context.manager();
    if (replace) await em.query(`delete from school_contingent_ages where tenant_id = $1 and contingent_id = $2`, [tenantId, contingentId]);
    const kept = ages.filter((a) => a.pupils > 0);
    if (!kept.length) return;
    await em.query(
      `insert into school_contingent_ages (tenant_id, contingent_id, age, pupils) select $1, $2, a.age, a.pupils from unnest($3::smallint[], $4::int[]) as a(age, pupils)`,
      [tenantId, contingentId, kept.map((a) => a.age), kept.map((a) => a.pupils)],
    );
  }

  /** The organisation a console write is for: a curator's own; an analyst's or the platform admin's named one. */
  private async tenantFor(requested: string | null | undefined): Promise<string> {
    const scope = this.context.scope;
    if (scope.role === 'curator' && scope.tenantId) {
      if (requested && requested.toLowerCase() !== scope.tenantId) throw new ForbiddenException('Куратор вносит контингент только своей организации.');
      return scope.tenantId;
    }
    if (scope.role !== 'region-analyst' && scope.role !== 'platform-admin') throw new ForbiddenException();
    if (!requested) throw new ValidationFailedException('Укажите организацию (tenantId), для которой вносится контингент.');
    const [school] = await (await this.context.manager()).query(`select id, kind from tenant_tree where id = $1`, [requested.toLowerCase()]);
    if (!school) throw new NotFoundException('Организация не найдена или недоступна.');
    if (school.kind !== 'organisation') throw new ValidationFailedException('Контингент вносится для образовательной организации, а не для региона или муниципалитета.');
    return school.id;
  }

  /** A ministry official reads only (the policies would hide nothing from them to write, but say so plainly). */
  private mayWrite(tenantId: string): void {
    const scope = this.context.scope;
    if (scope.role === 'curator' && scope.tenantId !== tenantId) throw new ForbiddenException('Куратор изменяет контингент только своей организации.');
    if (scope.role === 'ministry-official') throw new ForbiddenException('Контингент изменяют куратор школы и региональный аналитик.');
  }

  private where(filter: SchoolContingentFilter): { where: string; values: unknown[] } {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const add = (condition: (n: number) => string, value: unknown) => {
      values.push(value);
      conditions.push(condition(values.length));
    };
    if (filter.ids) add((n) => `c.id = any($${n}::uuid[])`, filter.ids);
    if (filter.schoolYear) add((n) => `c.school_year = $${n}`, filter.schoolYear);
    if (filter.tenantId) add((n) => `c.tenant_id = $${n}::uuid`, filter.tenantId.toLowerCase());
    return { where: conditions.length ? `where ${conditions.join(' and ')}` : '', values };
  }
}

function checkedAges(ages: ContingentAgeInput[]): ContingentAgeInput[] {
  const seen = new Set<number>();
  for (const { age } of ages) {
    if (seen.has(age)) throw new ValidationFailedException(`Возраст ${age} указан дважды.`, [{ field: 'ages', message: `Возраст ${age} указан дважды.` }]);
    seen.add(age);
  }
  return ages;
}

function toType(row: Row): SchoolContingentType {
  const ages = row.ages.map((a) => ({ age: Number(a.age), pupils: Number(a.pupils) }));
  return {
    id: row.id, tenantId: row.tenant_id, tenantName: row.tenant_name, tenantCode: row.tenant_code, schoolYear: row.school_year, teachers: Number(row.teachers),
    ages, ...contingentTotals(ages), source: row.source, updatedAt: row.updated_at,
  };
}
