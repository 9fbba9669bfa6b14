import ExcelJS from 'exceljs';

/**
 * A school's participant list as Russian schools keep it (issue 12), written out in each way Excel
 * saves it: a workbook with a merged title row above the header, a blank row, numbered rows and
 * one «ФИО» column; and the same sheet as «CSV (разделители — точки с запятой)» (Windows-1251),
 * «CSV UTF-8» (with a byte-order mark, commas), «Текст Юникод» (UTF-16 LE, tabs) and UTF-16 BE.
 * Nine people: four good, and one of each mistake a curator makes — a day that does not exist,
 * a birth date in the future, an unknown role, a repeated line, a name that is one word.
 */
export const LIST_TITLE = 'МАОУ «Мишкинская СОШ» — база участников программы наставничества, 2023/2024';

export const LIST_HEADINGS = ['№ п/п', 'ФИО', 'Дата рождения', 'Роль', 'Категория', 'Класс', 'Запрос / направление', 'Согласие: дата', 'Согласие: подписал', 'Согласие: представитель', 'Согласие: кем приходится'];

const nextYear = new Date().getUTCFullYear() + 1;

type Cell = string | number | Date;
/** The sheet's rows by line: 1 the title, 2 blank, 3 the header, then the people; line 6 is blank, line 14 only numbered. */
export const LIST_ROWS: [line: number, cells: Cell[]][] = [
  [4, [1, 'Соколова Мария Ивановна', new Date(Date.UTC(2012, 4, 14)), 'наставляемый', 'ученик', '6А', 'Подтянуть математику; Найти друзей', new Date(Date.UTC(2024, 8, 2)), 'законный представитель', 'Соколова Ирина Петровна', 'мать']],
  [5, [2, 'Петров Иван Сергеевич', '31.02.2011', 'наставляемый', 'ученик', '7Б', 'Подготовка к олимпиаде', '', '', '', '']],
  [7, [3, 'Кузнецова Ольга Петровна', '12.10.1984', 'наставник', 'педагог', '', '', '01.09.2024', 'сам', '', '']],
  [8, [4, 'Смирнов Алексей Дмитриевич', `15.05.${nextYear}`, 'наставляемый', 'ученик', '5В', '', '', '', '', '']],
  [9, [5, 'Волкова Анна Сергеевна', '03.03.1990', 'куратор', 'педагог', '', '', '', '', '', '']],
  [10, [6, 'Соколова Мария Ивановна', '14.05.2012', 'наставляемый', 'ученик', '6А', '', '', '', '', '']],
  [11, [7, 'Морозов Денис Андреевич', new Date(Date.UTC(2011, 10, 21)), 'наставляемый', 'ученик', '7Б', 'Выбор профессии', '02.09.2024', 'законный представитель', 'Морозов Андрей Викторович', 'отец']],
  [12, [8, 'Новикова Елена Викторовна', '07.07.1979', 'наставник', 'учитель математики', '', '', '01.09.2024', 'сам', '', '']],
  [13, [9, 'Орлов', '01.01.2012', 'наставляемый', 'ученик', '8А', '', '', '', '', '']],
  [14, [10]],
];

export const GOOD_LINES = [4, 7, 11, 12];
export const GOOD_NAMES = ['Кузнецова', 'Морозов', 'Новикова', 'Соколова'];

/** Each bad line and what the import must say of it (column: message). */
export const EXPECTED_PROBLEMS: [line: number, pattern: RegExp][] = [
  [5, /^Дата рождения: Дата рождения 31\.02\.2011: такого дня нет — в феврале 2011 года 28 дней\.$/],
  [8, new RegExp(`^Дата рождения: Дата рождения 15\\.05\\.${nextYear} — в будущем\\.$`)],
  [9, /^Роль: Роль «куратор» не распознана: допустимо «наставник» или «наставляемый» \(если оба — через «;»\)\.$/],
  [10, /^: Строка повторяет строку 4: те же фамилия, имя, отчество и дата рождения\.$/],
  [13, /^ФИО: «Орлов»: нужны фамилия и имя через пробел, например «Иванова Анна Сергеевна»\.$/],
];

const ru = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
const text = (cell: Cell | undefined) => (cell === undefined ? '' : cell instanceof Date ? ru(cell) : String(cell));

/** The list as a workbook: the title merged across the table (A1:K1), dates of some rows as Excel dates, the rest as typed text. */
export async function schoolListXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('База');
  sheet.getRow(1).values = [LIST_TITLE];
  sheet.mergeCells(1, 1, 1, LIST_HEADINGS.length);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getRow(3).values = LIST_HEADINGS;
  for (const [line, cells] of LIST_ROWS) {
    sheet.getRow(line).values = cells;
    cells.forEach((cell, i) => {
      if (cell instanceof Date) sheet.getRow(line).getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ListEncoding = 'windows-1251' | 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The sheet's text as Excel writes it to CSV/Unicode text: every line as wide as the table, the title in its first cell, blank lines as bare delimiters. */
export function schoolListText(delimiter: ';' | ',' | '\t'): string {
  const width = LIST_HEADINGS.length;
  const field = (value: string) => (value.includes(delimiter) || /["\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const line = (cells: string[]) => Array.from({ length: width }, (_, i) => field(cells[i] ?? '')).join(delimiter);
  const byLine = new Map(LIST_ROWS.map(([n, cells]) => [n, cells.map(text)]));
  const last = Math.max(...byLine.keys());
  const lines: string[] = [];
  for (let n = 1; n <= last; n += 1) lines.push(n === 1 ? line([LIST_TITLE]) : n === 3 ? line(LIST_HEADINGS) : line(byLine.get(n) ?? []));
  return `${lines.join('\r\n')}\r\n`;
}

/** The list as a CSV file in one of the encodings Excel writes. */
export function schoolListCsv(encoding: ListEncoding, delimiter: ';' | ',' | '\t'): Buffer {
  const content = schoolListText(delimiter);
  switch (encoding) {
    case 'windows-1251':
      return encodeCp1251(content);
    case 'utf-8':
      return Buffer.from(content, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${content}`, 'utf8');
    case 'utf-16le':
      return Buffer.from(`\uFEFF${content}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\uFEFF${content}`, 'utf16le').swap16();
  }
}

let cp1251: Map<string, number> | null = null;

/** Windows-1251 bytes of a text (Node has no such encoder; the table is the decoder's, reversed). */
export function encodeCp1251(content: string): Buffer {
  if (!cp1251) {
    const decoder = new TextDecoder('windows-1251');
    cp1251 = new Map(Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte] as [string, number]));
  }
  const table = cp1251;
  return Buffer.from(
    [...content].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`«${char}» is not in Windows-1251`);
      return byte;
    }),
  );
}
