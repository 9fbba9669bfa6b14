import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../src/render/pdf-engine';
import type { IndicatorLine, SchoolReportData } from '../src/render/report-data.types';
import { schoolReportDocument } from '../src/render/school-report.document';

const line = (code: string, numerator: number, denominator: number, value: number, denominatorSource: IndicatorLine['denominatorSource']): IndicatorLine => ({
  code, title: `Показатель ${code}`, unit: 'percent', numerator, denominator, value, target: null, belowTarget: null, denominatorSource,
});

function data(indicators: IndicatorLine[]): SchoolReportData {
  return {
    organisation: { id: 'o', fullName: 'МБОУ «Мишкинская СОШ»', shortName: 'Мишкинская СОШ', municipality: null, region: null },
    period: '2022/2023',
    audience: 'curator',
    indicators,
    scorecard: [],
    counts: { mentors: 15, mentees: 59 },
    meetings: [{ code: 'D01', title: 'Раскрытие потенциала', organisational: 4, trial: 4 }],
    roadmap: null,
    generatedAt: new Date('2023-06-01T09:00:00Z'),
  };
}

async function pdfText(doc: ReturnType<typeof schoolReportDocument>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'school-denominators-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, await renderPdf(doc));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 14 item 5: the school's PDF says where its population denominators came from (docs/adr/0027). */
describe('school report: the denominators’ source', () => {
  it('names the indicators counted from the contingent and those from the registered people; none for T3/T4', async () => {
    const text = await pdfText(
      schoolReportDocument(data([line('T1', 55, 108, 51, 'contingent'), line('T2', 3, 90, 3, 'contingent'), line('T3', 33, 59, 56, null), line('M2', 4, 16, 25, 'registered')])),
    );
    expect(text).toContain('Знаменатели T1, T2 — по контингенту организации.');
    expect(text).toContain('Знаменатели M2 — по зарегистрированным участникам.');
    expect(text).not.toMatch(/Знаменатели[^.]*T3/);
  });

  it('says nothing when no value has a population denominator (no snapshot yet)', async () => {
    expect(await pdfText(schoolReportDocument(data([line('T3', 33, 59, 56, null)])))).not.toContain('Знаменатели');
  });
});
