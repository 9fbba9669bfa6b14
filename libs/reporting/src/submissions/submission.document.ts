import { ownValue } from '@nastavnik/contracts/lookup';
import { REGION_TIME_ZONE } from '@nastavnik/platform/calendar';
import { BASE_STYLES, pageFooter, type PdfContent, type PdfDocDefinition } from '../render/pdf-engine';
import type { RoadmapLine, SchoolReportData } from '../render/report-data.types';
import { formatDate, schoolReportDocument } from '../render/school-report.document';

/** A roadmap line as frozen in a submission: no responsible person (the region reads it; personal data stays at the school). */
export type FrozenRoadmapLine = Omit<RoadmapLine, 'responsible'>;

/** What a submission freezes: the school report's data (roadmap without responsible persons) and the curator's note. */
export type FrozenSubmission = {
  schoolYear: string;
  version: number;
  submittedAt: string;
  note: string;
  data: Omit<SchoolReportData, 'generatedAt' | 'roadmap'> & {
    generatedAt: string;
    roadmap: { title: string; items: FrozenRoadmapLine[]; totals: Record<'total' | 'planned' | 'inProgress' | 'done' | 'notDone', number> } | null;
  };
};

const STATUSES: Record<string, string> = { planned: 'запланировано', in_progress: 'выполняется', done: 'выполнено', not_done: 'не выполнено' };
const th = (text: string) => ({ text, style: 'th' });
const ROADMAP_HEADING = '5. Исполнение дорожной карты';

/**
 * Отчёт в региональный наставнический центр (seed 004 item 34): the school report's sections 1–4
 * as frozen at submission, the roadmap's execution (activity, schedule, status, result — no
 * responsible persons) and the curator's analytical note, with the version and the moment of
 * submission in the heading and the footer. Everything printed comes from the frozen data.
 */
export function submissionDocument(frozen: FrozenSubmission): PdfDocDefinition {
  const data: SchoolReportData = { ...frozen.data, roadmap: null, audience: 'curator', generatedAt: new Date(frozen.data.generatedAt) };
  const base = schoolReportDocument(data);
  const content = [...(base.content as PdfContent[])];
  const cut = content.findIndex((c) => (c as { text?: unknown }).text === ROADMAP_HEADING);
  const head = cut >= 0 ? content.slice(0, cut) : content;
  const submittedAt = new Date(frozen.submittedAt);
  head[0] = { text: 'Отчёт в региональный наставнический центр о реализации целевой модели наставничества', style: 'title' };
  head.splice(3, 0, { text: `Версия ${frozen.version}, представлена ${formatDate(submittedAt)} в ${timeOf(submittedAt)}`, style: 'subtitle' });

  const roadmap = frozen.data.roadmap;
  head.push({ text: ROADMAP_HEADING, style: 'h2' });
  if (!roadmap) {
    head.push({ text: 'Дорожная карта на этот учебный год не ведётся.', style: 'note' });
  } else {
    const t = roadmap.totals;
    head.push(
      { text: roadmap.title, bold: true, fontSize: 9.5, margin: [0, 0, 0, 4] },
      { text: `Мероприятий: ${t.total}; выполнено: ${t.done}; выполняется: ${t.inProgress}; запланировано: ${t.planned}; не выполнено: ${t.notDone}.`, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [22, '*', 64, 62, '*'],
          body: [
            [th('№'), th('Мероприятие'), th('Срок'), th('Статус'), th('Результат исполнения')],
            ...roadmap.items.map((i) => [i.number, i.activity, i.due ?? '—', ownValue(STATUSES, i.status) ?? i.status, i.result ?? '—']),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 7.5,
      },
    );
  }
  head.push({ text: '6. Аналитическая справка', style: 'h2' });
  const paragraphs = frozen.note.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) head.push({ text: 'Аналитическая справка не приложена.', style: 'note' });
  for (const p of paragraphs) head.push({ text: p, fontSize: 9.5, margin: [0, 0, 0, 4] });

  return {
    ...base,
    info: { title: `Отчёт в РНЦ — ${data.organisation.shortName}, ${frozen.schoolYear}, версия ${frozen.version}`, author: 'Наставник', subject: 'Целевая модель наставничества' },
    styles: BASE_STYLES,
    footer: pageFooter(`Версия ${frozen.version} от ${formatDate(submittedAt)} · ${data.organisation.shortName}`),
    content: head,
  };
}

function timeOf(date: Date): string {
  return date.toLocaleTimeString('ru-RU', { timeZone: REGION_TIME_ZONE, hour: '2-digit', minute: '2-digit' });
}
