import { tidyCell } from '@nastavnik/participants/import/cell-text';
import { unguard } from '@nastavnik/participants/import/column-layout';
import { normHeading } from '@nastavnik/participants/import/import-fields';
import type { TableRow } from '@nastavnik/participants/import/read-table';
import { ACADEMIC_YEAR_MESSAGE, isAcademicYear } from '@nastavnik/platform/graphql/validators';
import { CONTINGENT_MAX_AGE, CONTINGENT_MIN_AGE, MAX_PUPILS_PER_AGE, MAX_TEACHERS } from './contingent.types';

/**
 * A contingent file (XLSX or CSV, read by the participants import's readers): one row per school
 * and school year. Columns, in any order, under any of these headings (case, «ё», dots, a
 * trailing «(…)» do not matter):
 * - «Код ОО» (код организации, код школы) — the school's code: required in a region's file, in a
 *   school's file optional (then it must be the school's own);
 * - «Наименование ОО» (название, организация) — for the reader only, not loaded;
 * - «Учебный год» — optional when the request gives the year;
 * - one column per age on 1 September: «10», «10 лет», «Возраст 10» (5–25; an empty cell is 0);
 * - «Педагогические работники» (педагоги, учителя) — required;
 * - «Обучающихся всего» (всего обучающихся, учащихся) — optional: a check, must equal the ages' sum;
 * - «№», «№ п/п» — not loaded.
 * The header is the first row (of the first 20) with at least two known headings; rows above it are titles.
 */
export type ContingentFileLine = { line: number; code: string | null; schoolYear: string; ages: Map<number, number>; teachers: number };
export type ContingentFileProblem = { line: number | null; column: string | null; message: string };

type Column =
  | { kind: 'code' | 'name' | 'year' | 'teachers' | 'total' | 'skip' }
  | { kind: 'age'; age: number };

const TITLE_ROWS = 20;
const NAMED: ReadonlyMap<string, Column['kind']> = new Map<string, Column['kind']>([
  ...['код оо', 'код', 'код организации', 'код школы', 'код образовательной организации'].map((h) => [h, 'code'] as const),
  ...['наименование оо', 'наименование', 'название', 'название оо', 'организация', 'наименование организации', 'образовательная организация', 'школа', 'оо'].map((h) => [h, 'name'] as const),
  ...['учебный год', 'год'].map((h) => [h, 'year'] as const),
  ...['педагогические работники', 'педагогических работников', 'педагоги', 'педагогов', 'учителя', 'учителей', 'педагогические работники всего'].map((h) => [h, 'teachers'] as const),
  ...['обучающихся всего', 'всего обучающихся', 'обучающиеся всего', 'всего учащихся', 'учащихся всего', 'всего'].map((h) => [h, 'total'] as const),
  ...['№', '№ п/п', 'n', 'номер', 'ошибка'].map((h) => [h, 'skip'] as const),
]);

/** What a heading names, or undefined. */
export function columnOf(heading: string): Column | undefined {
  const norm = normHeading(heading);
  const named = NAMED.get(norm);
  if (named) return { kind: named } as Column;
  const age = /^(?:возраст )?(\d{1,2})(?: ?(?:год|года|лет|л))?$/.exec(norm);
  if (age) return { kind: 'age', age: Number(age[1]) };
  return undefined;
}

/** A whole number from a cell: «23», «23,0», «23.0», blank as `blank`. */
function integer(cell: string, blank: number | null): number | null | 'bad' {
  const text = tidyCell(cell).replace(/\s/g, '');
  if (text === '') return blank;
  const match = /^(\d{1,6})(?:[.,]0+)?$/.exec(text);
  return match ? Number(match[1]) : 'bad';
}

export function parseContingentRows(rows: readonly TableRow[], defaultYear: string | null): { lines: ContingentFileLine[]; problems: ContingentFileProblem[] } {
  const problems: ContingentFileProblem[] = [];
  const headerIndex = rows.slice(0, TITLE_ROWS).findIndex((row) => row.cells.filter((cell) => tidyCell(cell) && columnOf(cell)).length >= 2);
  if (headerIndex < 0) {
    return { lines: [], problems: [{ line: null, column: null, message: 'Не найдена строка заголовков: нужны столбцы «Код ОО» (для региона), возрасты «6», «7», … «18» и «Педагогические работники». Скачайте шаблон.' }] };
  }
  const header = rows[headerIndex];
  const columns: { index: number; heading: string; column: Column }[] = [];
  header.cells.forEach((cell, index) => {
    const heading = tidyCell(unguard(cell));
    if (!heading) return;
    const column = columnOf(heading);
    if (!column) {
      problems.push({ line: header.line, column: heading, message: `Столбец «${heading}» не распознан: ожидаются «Код ОО», «Учебный год», возрасты («10» или «10 лет»), «Педагогические работники», «Обучающихся всего».` });
      return;
    }
    if (column.kind === 'age' && (column.age < CONTINGENT_MIN_AGE || column.age > CONTINGENT_MAX_AGE)) {
      problems.push({ line: header.line, column: heading, message: `Возраст ${column.age}: указываются обучающиеся от ${CONTINGENT_MIN_AGE} до ${CONTINGENT_MAX_AGE} лет.` });
      return;
    }
    const twice = columns.find((c) => c.column.kind === column.kind && (column.kind !== 'age' || (c.column.kind === 'age' && c.column.age === column.age)) && column.kind !== 'skip' && column.kind !== 'name');
    if (twice) {
      problems.push({ line: header.line, column: heading, message: `Столбцы «${twice.heading}» и «${heading}» означают одно и то же: оставьте один.` });
      return;
    }
    columns.push({ index, heading, column });
  });
  if (!columns.some((c) => c.column.kind === 'age')) problems.push({ line: header.line, column: null, message: 'Нет ни одного столбца возраста («6», «7», … «18»).' });
  if (!columns.some((c) => c.column.kind === 'teachers')) problems.push({ line: header.line, column: null, message: 'Нет столбца «Педагогические работники».' });
  if (!defaultYear && !columns.some((c) => c.column.kind === 'year')) problems.push({ line: header.line, column: null, message: 'Укажите учебный год: столбец «Учебный год» в файле или год при загрузке.' });
  if (problems.length) return { lines: [], problems };

  const lines: ContingentFileLine[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    const cells = row.cells.map(unguard);
    const rowProblems: ContingentFileProblem[] = [];
    const problem = (column: string | null, message: string) => rowProblems.push({ line: row.line, column, message: `Строка ${row.line}${column ? `, «${column}»` : ''}: ${message}` });
    let code: string | null = null;
    let schoolYear = defaultYear;
    let teachers: number | null = null;
    let total: number | null = null;
    const ages = new Map<number, number>();
    for (const { index, heading, column } of columns) {
      const cell = cells[index] ?? '';
      if (column.kind === 'code') code = tidyCell(cell) || null;
      else if (column.kind === 'year') {
        const year = tidyCell(cell).replace(/\s*[-–—/]\s*/, '/');
        if (year) {
          if (isAcademicYear(year)) schoolYear = year;
          else problem(heading, ACADEMIC_YEAR_MESSAGE);
        }
      } else if (column.kind === 'teachers' || column.kind === 'total' || column.kind === 'age') {
        const max = column.kind === 'teachers' ? MAX_TEACHERS : column.kind === 'age' ? MAX_PUPILS_PER_AGE : MAX_PUPILS_PER_AGE * (CONTINGENT_MAX_AGE - CONTINGENT_MIN_AGE + 1);
        const value = integer(cell, column.kind === 'age' ? 0 : null);
        if (value === 'bad' || (value !== null && value > max)) problem(heading, `ожидается целое число от 0 до ${max}, а не «${tidyCell(cell)}».`);
        else if (column.kind === 'teachers') teachers = value;
        else if (column.kind === 'total') total = value;
        else if (value && column.kind === 'age') ages.set(column.age, value);
      }
    }
    if (teachers === null && !rowProblems.some((p) => p.column === columns.find((c) => c.column.kind === 'teachers')?.heading)) problem('Педагогические работники', 'не заполнено (если педагогов нет — 0).');
    if (!schoolYear && !rowProblems.length) problem('Учебный год', 'не заполнен.');
    const sum = [...ages.values()].reduce((a, b) => a + b, 0);
    if (total !== null && !rowProblems.length && total !== sum) problem('Обучающихся всего', `${total}, а по возрастам — ${sum}: проверьте строку.`);
    if (rowProblems.length) problems.push(...rowProblems);
    else lines.push({ line: row.line, code, schoolYear: schoolYear as string, ages, teachers: teachers as number });
  }
  if (!lines.length && !problems.length) problems.push({ line: null, column: null, message: 'Под строкой заголовков нет ни одной заполненной строки.' });
  return { lines, problems };
}
