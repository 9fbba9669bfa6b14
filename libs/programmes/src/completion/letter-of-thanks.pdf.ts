import { createRequire } from 'node:module';
import { todayIso } from '@nastavnik/platform/calendar';
import { NOMINATION_TITLES } from './completion.codes';

/*
 * Благодарственное письмо, rendered with pdfmake as the reports are (Roboto with Cyrillic from
 * pdfmake's own virtual file system, real text). The reports' engine lives in the reporting lib,
 * which depends on this one (through monitoring), so this lib cannot import it: it takes its own
 * pdfmake instance here with the same deny-all URL and local-file policies — typed text (a reason,
 * a school's name) can never make the API fetch a URL or read a file. docs/adr/0036.
 */

type PdfDoc = Record<string, unknown>;
type PdfMakeServer = {
  virtualfs: { writeFileSync(name: string, content: string, encoding: string): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: PdfDoc): { getBuffer(): Promise<Buffer> };
};

const load = createRequire(__filename);
const ROBOTO: Record<string, string> = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
let engine: PdfMakeServer | null = null;

function pdfmake(): PdfMakeServer {
  if (engine) return engine;
  // An instance of its own (the reports' shared instance keeps its pre-parsed fonts untouched).
  const Pdfmake = (load('pdfmake') as { constructor: new () => PdfMakeServer }).constructor;
  const instance = new Pdfmake();
  const vfs = load('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  for (const file of Object.values(ROBOTO)) {
    if (!vfs[file]) throw new Error(`pdfmake's vfs_fonts.js has no ${file}`);
    if (!instance.virtualfs.existsSync(file)) instance.virtualfs.writeFileSync(file, vfs[file], 'base64');
  }
  instance.setFonts({ Roboto: ROBOTO });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  engine = instance;
  return engine;
}

export async function renderLetterPdf(doc: PdfDoc): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «5 декабря 2026 г.» in the region's calendar. */
export function russianDate(moment: Date): string {
  const [year, month, day] = todayIso(moment).split('-').map(Number);
  return `${day} ${MONTHS.at(month - 1) ?? ''} ${year} г.`;
}

export type LetterData = { schoolName: string; mentorName: string; nomination: string; reason: string; academicYear: string; date: Date };

/** The letter: the school as the sender, «Благодарственное письмо», the mentor, the nomination and its reason, date and signature lines. */
export function letterOfThanksDocument(data: LetterData): PdfDoc {
  const nomination = NOMINATION_TITLES.get(data.nomination) ?? data.nomination;
  return {
    info: { title: `Благодарственное письмо — ${data.mentorName}`, author: data.schoolName, subject: `Номинация «${nomination}», ${data.academicYear} учебный год` },
    pageSize: 'A4',
    pageMargins: [70, 70, 70, 70],
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.25 },
    content: [
      { text: data.schoolName, alignment: 'center', fontSize: 11, color: '#333333', margin: [0, 0, 0, 60] },
      { text: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО', alignment: 'center', fontSize: 24, bold: true, color: '#1a3d6d', margin: [0, 0, 0, 30] },
      { text: 'Администрация образовательной организации выражает благодарность', alignment: 'center', margin: [0, 0, 0, 16] },
      { text: data.mentorName, alignment: 'center', fontSize: 18, bold: true, margin: [0, 0, 0, 16] },
      { text: `наставнику, отмеченному в номинации «${nomination}» по итогам ${data.academicYear} учебного года,`, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: data.reason, alignment: 'center', italics: true, margin: [0, 0, 0, 12] },
      { text: 'Благодарим за профессионализм, щедрость в передаче опыта и вклад в развитие системы наставничества!', alignment: 'center', margin: [0, 0, 0, 80] },
      {
        columns: [
          { width: '*', text: 'Директор' },
          { width: 160, text: '____________________', alignment: 'center' },
          { width: 140, text: '/ ________________ /', alignment: 'right' },
        ],
        margin: [0, 0, 0, 20],
      },
      { text: russianDate(data.date), alignment: 'left', fontSize: 11 },
      { text: 'М. П.', alignment: 'left', fontSize: 10, color: '#555555', margin: [0, 6, 0, 0] },
    ],
  };
}
