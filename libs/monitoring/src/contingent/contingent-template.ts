import { createRequire } from 'node:module';
import { safeCell } from '@nastavnik/contracts/spreadsheet/safe-cell';
import { schoolYearOf } from '@nastavnik/platform/calendar';

// ExcelJS is loaded on the first template written, not at start-up (as the participants import does).
const load = createRequire(__filename);
let excel: typeof import('exceljs') | null = null;
const exceljs = () => (excel ??= load('exceljs') as typeof import('exceljs'));

/** The ages a template offers (a school may add 5, 19–25 as columns of its own). */
export const TEMPLATE_AGES = Array.from({ length: 14 }, (_, i) => 6 + i); // 6–19

/**
 * The contingent template: a school's (one row per school year) or a region's (one row per school,
 * with its code and name: `schools` fills them in). Every cell goes through the formula-safe writer.
 */
export async function contingentTemplateXlsx(region: boolean, schools: readonly { code: string; name: string }[] = []): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Наставник';
  const sheet = workbook.addWorksheet('Контингент', { views: [{ state: 'frozen', ySplit: 1 }] });
  const year = schoolYearOf(new Date());
  const headings = [...(region ? ['Код ОО', 'Наименование ОО'] : []), 'Учебный год', ...TEMPLATE_AGES.map((age) => `${age} лет`), 'Обучающихся всего', 'Педагогические работники'];
  sheet.addRow(headings.map(safeCell)).font = { bold: true };
  const rows = region ? (schools.length ? schools : [{ code: 'код школы', name: 'название школы' }]) : [{ code: '', name: '' }];
  for (const school of rows) sheet.addRow([...(region ? [school.code, school.name] : []), year].map(safeCell));
  sheet.getColumn(region ? 2 : 1).width = region ? 40 : 14;
  const help = workbook.addWorksheet('Как заполнять');
  for (const line of [
    'Одна строка — одна организация за один учебный год.',
    'Возраст — полных лет на 1 сентября учебного года. Пустая клетка — 0 обучающихся. Можно добавить столбцы «5 лет», «20 лет» и т. д. (от 5 до 25).',
    '«Обучающихся всего» — необязательная проверка: должна совпасть с суммой по возрастам.',
    '«Педагогические работники» — все педагоги организации (знаменатель показателей M2, M3, M5).',
    region ? '«Код ОО» — код организации в платформе; строки организаций не вашего региона не загружаются.' : 'Код организации не нужен: загружается контингент вашей организации.',
    'Сначала выполните пробную загрузку: ошибки будут показаны с номерами строк; записывается весь файл или ничего.',
  ]) help.addRow([safeCell(line)]);
  help.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
