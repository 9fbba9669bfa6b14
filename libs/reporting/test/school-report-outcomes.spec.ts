import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchoolOutcomesType } from '@nastavnik/monitoring/outcomes/outcome.types';
import { renderPdf } from '../src/render/pdf-engine';
import type { SchoolReportData } from '../src/render/report-data.types';
import { schoolReportDocument } from '../src/render/school-report.document';

const rate = (role: 'mentee' | 'mentor', phase: 'pre' | 'post' | 'none', respondents: number, participants: number) => ({
  role, phase, linksIssued: 0, answeredByLink: 0, respondents, participants, linkRate: null, participantRate: participants ? Math.round((100 * respondents) / participants) : null,
});

const OUTCOMES: SchoolOutcomesType = {
  tenantId: 'o',
  period: '2022/2023',
  programmes: [
    {
      programmeId: 'p',
      title: 'Ученик — ученику',
      questions: [
        { key: 'mentee|rating:мотивация', role: 'mentee', kind: 'rating', text: 'Мне интересно учиться.', hint: 'Мотивация к учёбе', scaleMin: 1, scaleMax: 5, pairs: 7, meanBefore: 2.43, meanAfter: 3.71, meanChange: 1.29, onlyBefore: 2, onlyAfter: 1, options: [] },
      ],
      responseRates: [rate('mentee', 'pre', 9, 12), rate('mentee', 'post', 8, 12)],
    },
  ],
  responseRates: [],
  satisfactionMentees: rate('mentee', 'none', 33, 59),
  satisfactionMentors: rate('mentor', 'none', 8, 12),
};

function data(outcomes: SchoolOutcomesType | null): SchoolReportData {
  return {
    organisation: { id: 'o', fullName: 'МБОУ «Мишкинская СОШ»', shortName: 'Мишкинская СОШ', municipality: null, region: null },
    period: '2022/2023',
    audience: outcomes ? 'curator' : 'aggregate',
    indicators: [],
    scorecard: [],
    counts: { mentors: 15, mentees: 59 },
    meetings: [{ code: 'D01', title: 'Раскрытие потенциала', organisational: 4, trial: 4 }],
    roadmap: null,
    outcomes,
    generatedAt: new Date('2023-06-01T09:00:00Z'),
  };
}

async function pdfText(doc: ReturnType<typeof schoolReportDocument>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'school-outcomes-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, await renderPdf(doc));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 13 item 5: the school PDF's section «Результаты: до и после» (docs/adr/0035). */
describe('school report: outcomes before and after', () => {
  it('prints each programme’s response and its scale questions’ means before and after over the pairs, and the satisfaction response beside T3/T4', async () => {
    const text = await pdfText(schoolReportDocument(data(OUTCOMES)));
    expect(text).toContain('6. Результаты: до и после программы');
    expect(text).toContain('T3 — наставляемые: ответили на анкету удовлетворённости 33 из 59 (56 %)');
    expect(text).toContain('T4 — наставники: ответили на анкету удовлетворённости 8 из 12 (67 %)');
    expect(text).toContain('Ученик — ученику');
    expect(text).toContain('входную анкету заполнили 9 (75 %), итоговую — 8 (67 %)');
    expect(text).toMatch(/Мотивация к учёбе 7 2,43 3,71 \+1,29 2 ?\/ ?1/);
    expect(text).toContain('2,43 – 3,71');
  });

  it('a regional reader’s copy says the comparison is the school’s own', async () => {
    const text = await pdfText(schoolReportDocument(data(null)));
    expect(text).toContain('Сравнение входных и итоговых анкет доступно куратору организации');
    expect(text).not.toContain('Мотивация');
  });
});
