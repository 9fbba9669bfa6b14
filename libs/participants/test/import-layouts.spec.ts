import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { layoutOf, NO_MAPPING, type ColumnMapping, type TableRow } from '../src/import/column-layout';
import { decodeText, detectDelimiter } from '../src/import/decode-text';
import { kindOf, rowParser, splitFullName } from '../src/import/import-columns';
import { readDate } from '../src/import/import-dates';
import { fieldOfHeading, IMPORT_FIELDS, ImportField, importFieldKey, importFieldName, type ImportFieldKey } from '../src/import/import-fields';
import { readTable } from '../src/import/read-table';
import { mappingOf } from '../src/import/saved-mappings';
import { encodeCp1251, LIST_TITLE, schoolListCsv, schoolListXlsx, type ListEncoding } from './school-lists';

const rows = (...lines: string[][]): TableRow[] => lines.map((cells, i) => ({ line: i + 1, cells }));
const fields = (layout: ReturnType<typeof layoutOf>) => layout.columns.map((c) => `${c.letter} ${c.heading} → ${c.field ?? '?'}${c.source ? ` (${c.source})` : ''}`);
const mapping = (pairs: [string, ImportFieldKey][]): ColumnMapping => mappingOf(pairs.map(([heading, key]) => ({ heading, field: importFieldName(key) })));

/** Issue 12: school lists as Excel keeps them — found, decoded and split into fields without a database. */
describe('participants import: reading school lists as Excel saves them', () => {
  const layouts: [string, () => Promise<Buffer> | Buffer, 'xlsx' | 'csv', string | null, string | null][] = [
    ['XLSX, title merged over the table', schoolListXlsx, 'xlsx', null, null],
    ...([
      ['windows-1251', ';', 'Windows-1251', '«;»'],
      ['utf-8', ';', 'UTF-8', '«;»'],
      ['utf-8-bom', ',', 'UTF-8', '«,»'],
      ['utf-16le', '\t', 'UTF-16 LE', 'табуляция'],
      ['utf-16be', '\t', 'UTF-16 BE', 'табуляция'],
    ] as [ListEncoding, ';' | ',' | '\t', string, string][]).map(([encoding, delimiter, name, shown]): [string, () => Buffer, 'csv', string, string] => [`CSV ${encoding} ${shown}`, () => schoolListCsv(encoding, delimiter), 'csv', name, delimiter]),
  ];

  it.each(layouts)('%s: header on line 3 under the title, every column known, blank and number-only rows skipped', async (_name, file, format, encoding, delimiter) => {
    const table = await readTable(await file(), format);
    expect([table.encoding, table.delimiter]).toEqual([encoding, delimiter]);
    const layout = layoutOf(table.rows, table.merges, NO_MAPPING, NO_MAPPING);
    expect(layout.problems).toEqual([]);
    expect(layout.headerLine).toBe(3);
    expect(layout.titleLines).toEqual([{ line: 1, text: LIST_TITLE }]);
    expect(layout.columns.map((c) => c.field)).toEqual(['ignore', 'fullName', 'birthDate', 'bases', 'kind', 'grade', 'requests', 'consentDate', 'consentSigner', 'consentRepresentative', 'consentRelation']);
    expect(layout.rows.map((r) => r.line)).toEqual([4, 5, 7, 8, 9, 10, 11, 12, 13]);
    const parse = rowParser(layout.columns);
    const parsed = layout.rows.map((r) => parse(r.line, r.cells));
    expect(parsed.filter((r) => r.problems.length > 0).map((r) => [r.line, r.problems.map((p) => `${p.column}: ${p.message}`)])).toEqual([
      [5, ['Дата рождения: Дата рождения 31.02.2011: такого дня нет — в феврале 2011 года 28 дней.']],
      [9, ['Роль: Роль «куратор» не распознана: допустимо «наставник» или «наставляемый» (если оба — через «;»).']],
      [13, ['ФИО: «Орлов»: нужны фамилия и имя через пробел, например «Иванова Анна Сергеевна».']],
    ]);
    const first = parsed[0].fields;
    expect(first).toMatchObject({ lastName: 'Соколова', firstName: 'Мария', middleName: 'Ивановна', birthDate: '2012-05-14', kind: 'student', grade: 6, classLetter: 'А', requests: ['Подтянуть математику', 'Найти друзей'] });
    expect(parsed[0].bases).toEqual(['mentee']);
    // «учитель математики» in «Категория»: a teacher, and the text is the position.
    expect(parsed.find((r) => r.line === 12)?.fields).toMatchObject({ kind: 'teacher', position: 'учитель математики' });
  });

  it('headings: one table of synonyms, compared without case, «ё», dots, quotes, spacing and a trailing hint', () => {
    const cases: [string, ImportFieldKey | undefined][] = [
      ['ФИО', 'fullName'], ['Ф.И.О.', 'fullName'], ['Ф. И. О.', 'fullName'], ['фамилия, имя, отчество', 'fullName'], ['Фамилия Имя Отчество', 'fullName'],
      ['Роль', 'bases'], ['База', 'bases'], ['Запрос / направление', 'requests'], ['Запрос/направление', 'requests'], ['Категория / должность', 'kind'],
      ['Дата рождения (ДД.ММ.ГГГГ)', 'birthDate'], ['ДАТА  РОЖДЕНИЯ:', 'birthDate'], ['E-mail', 'email'], ['Эл.почта', 'email'], ['«Класс»', 'grade'],
      ['Согласие:дата', 'consentDate'], ['№ п/п', 'ignore'], ['Ошибка', 'ignore'], ['Педагогический стаж', 'teachingExperienceYears'],
      ['Возраст', undefined], ['__proto__', undefined], ['constructor', undefined],
    ];
    expect(cases.map(([heading]) => [heading, fieldOfHeading(heading)])).toEqual(cases);
  });

  it('the field names of the API are the table’s keys, and the migration allows exactly them', () => {
    expect(IMPORT_FIELDS.map((spec) => importFieldName(spec.key)).sort()).toEqual(Object.values(ImportField).sort());
    for (const name of Object.values(ImportField)) expect(importFieldName(importFieldKey(name)!)).toBe(name);
    expect(importFieldKey('__proto__')).toBeUndefined();
    const migration = readFileSync(join(__dirname, '..', 'src', 'migrations', '1795301300000-create-participant-import-mappings.ts'), 'utf8');
    const listed = /const FIELDS = \[([^\]]+)\]/.exec(migration)![1].match(/'[A-Z_]+'/g)!.map((f) => f.slice(1, -1));
    expect(listed.sort()).toEqual(Object.values(ImportField).sort());
  });

  it('finds the header below title rows, and by the mapping when the headings are the school’s own', () => {
    const list = rows(['Список наставляемых 7Б'], ['Классный руководитель: Иванова А. С.'], ['Фамилия', 'Имя', 'Чем увлекается', 'Категория'], ['Петров', 'Иван', 'шахматы', 'ученик']);
    const plain = layoutOf(list, [], NO_MAPPING, NO_MAPPING);
    expect([plain.headerLine, plain.titleLines.map((t) => t.line), plain.problems]).toEqual([3, [1, 2], ['неизвестный столбец «Чем увлекается»']]);
    expect(plain.columns[2].samples).toEqual(['шахматы']);

    const saved = layoutOf(list, [], NO_MAPPING, mapping([['чем увлекается', 'notes']]));
    expect(fields(saved)).toContain('C Чем увлекается → notes (SAVED)');
    expect(saved.problems).toEqual([]);
    const given = layoutOf(list, [], mapping([['Чем увлекается', 'ignore']]), mapping([['чем увлекается', 'notes']]));
    expect(fields(given)).toContain('C Чем увлекается → ignore (GIVEN)');

    // Only school-specific headings: the mapping alone makes the row a header.
    const own = rows(['Школа № 5'], ['Ученик', 'Год рожд.'], ['Петров Иван', '2012']);
    expect(layoutOf(own, [], NO_MAPPING, NO_MAPPING).headerLine).toBe(1);
    expect(layoutOf(own, [], mapping([['Ученик', 'fullName'], ['Год рожд.', 'ignore']]), NO_MAPPING).headerLine).toBe(2);
  });

  it('reports unknown, repeated and missing columns, unknown first', () => {
    expect(layoutOf(rows(['Фамилия', 'Имя', 'Возраст'], ['А', 'Б', '5']), [], NO_MAPPING, NO_MAPPING).problems).toEqual(['неизвестный столбец «Возраст»', 'нет обязательного столбца «Категория»']);
    expect(layoutOf(rows(['ФИО', 'Фамилия', 'Роль', 'База', 'Категория'], ['А Б', 'А', 'наставник', 'наставник', 'ученик']), [], NO_MAPPING, NO_MAPPING).problems).toEqual([
      'столбцы «Роль» и «База» — это одно поле «База»: оставьте один',
      'столбцы «ФИО» и «Фамилия»: оставьте что-то одно — ФИО в одном столбце или по частям',
    ]);
    expect(layoutOf(rows(['Отчество', 'Категория', 'Класс'], ['Б', 'ученик', '5']), [], NO_MAPPING, NO_MAPPING).problems).toEqual([
      'нет обязательного столбца «Фамилия» (или одного столбца «ФИО»)',
      'нет обязательного столбца «Имя» (или одного столбца «ФИО»)',
    ]);
    // A column with data and no heading is named by its letter, to be mapped or ignored.
    const unnamed = layoutOf(rows(['ФИО', 'Категория'], ['Петров Иван', 'ученик', 'заметка']), [], NO_MAPPING, NO_MAPPING);
    expect(unnamed.problems).toEqual(['неизвестный столбец «Столбец C»']);
    expect(layoutOf(rows(['ФИО', 'Категория'], ['Петров Иван', 'ученик', 'заметка']), [], mapping([['Столбец C', 'notes']]), NO_MAPPING).problems).toEqual([]);
  });

  it('a «ФИО» heading merged over three columns reads surname, name and patronymic; a class merged down its pupils fills each row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.getRow(1).values = ['Список 7Б класса'];
    sheet.mergeCells('A1:E1');
    sheet.getRow(2).values = ['ФИО', '', '', 'Класс', 'Роль'];
    sheet.mergeCells('A2:C2');
    sheet.getRow(3).values = ['Петров', 'Иван', 'Сергеевич', '7Б', 'наставляемый'];
    sheet.getRow(4).values = ['Сидорова', 'Анна', '', '', 'наставляемый'];
    sheet.getRow(5).values = ['Алиев', 'Рашид', 'Нариман оглы', '', 'наставляемый'];
    sheet.mergeCells('D3:D5');
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    const layout = layoutOf(table.rows, table.merges, NO_MAPPING, NO_MAPPING);
    expect([layout.problems, layout.columns.map((c) => c.field)]).toEqual([[], ['lastName', 'firstName', 'middleName', 'grade', 'bases']]);
    const parse = rowParser(layout.columns);
    expect(layout.rows.map((r) => parse(r.line, r.cells)).map((r) => [r.fields.lastName, r.fields.firstName, r.fields.middleName, r.fields.kind, r.fields.grade, r.fields.classLetter, r.problems])).toEqual([
      ['Петров', 'Иван', 'Сергеевич', 'student', 7, 'Б', []],
      ['Сидорова', 'Анна', undefined, 'student', 7, 'Б', []],
      ['Алиев', 'Рашид', 'Нариман оглы', 'student', 7, 'Б', []],
    ]);
  });

  it('the category: a word of the list, a text that names one only, else the position; ambiguous and unknown texts say so', () => {
    const parse = rowParser(layoutOf(rows(['ФИО', 'Категория', 'Должность', 'Класс'], ['А Б', 'ученик']), [], NO_MAPPING, NO_MAPPING).columns);
    const kind = (cells: string[]) => {
      const row = parse(2, ['Петров Иван', ...cells]);
      return row.problems.length ? row.problems.map((p) => `${p.column}: ${p.message}`).join(' | ') : row.fields.kind;
    };
    expect(kind(['', 'заместитель директора по УВР', ''])).toBe('teacher');
    expect(kind(['', 'педагог-психолог', ''])).toBe('teacher');
    expect(kind(['', '', '5А'])).toBe('student');
    expect(kind(['преподаватель вуза', '', ''])).toBe('college_rep');
    expect(kind(['учитель, выпускник школы', '', ''])).toMatch(/^Категория: Категория «учитель, выпускник школы» неоднозначна: «педагог» или «выпускник»\? Оставьте одно: ученик, педагог, студент/);
    expect(kind(['космонавт', '', ''])).toBe('Категория: Неизвестная категория «космонавт»: ожидается ученик, педагог, студент, представитель вуза/СПО, работодатель, выпускник, родитель, ветеран или другое.');
    expect(kind(['', 'космонавт', ''])).toMatch(/^Категория: Не указана категория, и по должности «космонавт» её не определить/);
    expect(kind(['', '', ''])).toMatch(/^Категория: Не указана категория \(ученик, педагог/);
    expect(kindOf('constructor')).toEqual({ candidates: [] });
  });

  it('dates: the format, a day the month lacks, a month past 12, a short year — each said precisely', () => {
    const said = (value: string) => readDate(value).iso ?? readDate(value).problem;
    expect(said('31.02.2011')).toBe('31.02.2011: такого дня нет — в феврале 2011 года 28 дней.');
    expect(said('29.02.2023')).toBe('29.02.2023: такого дня нет — в феврале 2023 года 28 дней.');
    expect(said('29.02.2024')).toBe('2024-02-29');
    expect(said('31.04.2020')).toBe('31.04.2020: такого дня нет — в апреле 30 дней.');
    expect(said('32.01.2020')).toBe('32.01.2020: такого дня нет — в январе 31 день.');
    expect(said('2011-02-30')).toBe('2011-02-30: такого дня нет — в феврале 2011 года 28 дней.');
    expect(said('15.13.2010')).toBe('15.13.2010: месяца 13 нет — дата пишется как ДД.ММ.ГГГГ.');
    expect(said('03.25.2010')).toBe('03.25.2010: месяца 25 нет — дата пишется как ДД.ММ.ГГГГ. Возможно, день и месяц переставлены: 25.03.2010?');
    expect(said('12.03.10')).toBe('«12.03.10»: укажите год полностью, четырьмя цифрами — ДД.ММ.ГГГГ.');
    expect(said('вчера')).toBe('«вчера» не распознана: ожидается ДД.ММ.ГГГГ, например 05.09.2012.');
    expect(['5.9.2012', '05/09/2012', '05.09.2012 г.', '05.09.2012 0:00:00', '12 марта 2011', '12 марта 2011 г.', '2011-03-12'].map((v) => readDate(v).iso)).toEqual([
      '2012-09-05', '2012-09-05', '2012-09-05', '2012-09-05', '2011-03-12', '2011-03-12', '2011-03-12',
    ]);
  });

  it('a full name in one cell: two or three words, a Turkic patronymic; initials and longer names are refused with the reason', () => {
    expect(splitFullName('Иванова Анна Сергеевна')).toEqual({ lastName: 'Иванова', firstName: 'Анна', middleName: 'Сергеевна' });
    expect(splitFullName(' Иванова,  Анна ')).toEqual({ lastName: 'Иванова', firstName: 'Анна', middleName: null });
    expect(splitFullName('Алиев Рашид Нариман оглы')).toEqual({ lastName: 'Алиев', firstName: 'Рашид', middleName: 'Нариман оглы' });
    expect(splitFullName('Иванова А.С.')).toEqual({ problem: '«Иванова А.С.»: вместо имени или отчества инициалы — нужны полные имя и отчество.' });
    expect(splitFullName('Иванова Анна Мария Сергеевна')).toEqual({ problem: expect.stringMatching(/больше трёх слов/) });
  });

  it('encodings: UTF-8 with and without a mark, Windows-1251, UTF-16 with or without a mark; binary and broken files are refused', () => {
    const text = 'Фамилия;Имя;Категория\r\nЁлкина;Анна;ученик\r\n';
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(encodeCp1251(text))).toEqual({ text, encoding: 'Windows-1251' });
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'UTF-16 LE' });
    expect(decodeText(Buffer.from(text, 'utf16le').swap16())).toEqual({ text, encoding: 'UTF-16 BE' });
    expect(() => decodeText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).toThrow(/^Файл не похож на CSV: в нём есть двоичные данные/);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0xc0]))).toThrow(/UTF-16 повреждён.*CSV UTF-8/);
  });

  it('the delimiter: by the median over the first lines, so a title full of commas does not decide', () => {
    expect(detectDelimiter('Школа № 5, г. Мишкино, 2023/2024, список\r\nФамилия;Имя;Категория\r\nПетров;Иван;ученик\r\n')).toBe(';');
    expect(detectDelimiter('Фамилия,Имя,Категория\r\n"Петров, Иван";Иван,ученик\r\n')).toBe(',');
    expect(detectDelimiter('Фамилия\tИмя\tКатегория\r\n')).toBe('\t');
  });

  it('a text the formula-safe writer guarded («\'+7 …») is read as it was; a workbook sent as CSV is read as a workbook', async () => {
    const layout = layoutOf(rows(['ФИО', 'Категория', 'Телефон'], ['Петров Иван', 'педагог', "'+7 900 000-00-00"]), [], NO_MAPPING, NO_MAPPING);
    expect(layout.rows[0].cells[2]).toBe('+7 900 000-00-00');
    const table = await readTable(await schoolListXlsx(), 'csv');
    expect([table.format, table.rows[0].cells[0]]).toEqual(['xlsx', LIST_TITLE]);
  });
});
