import { academicYears, currentAcademicYear } from '../src/common/graphql';
import { choicesOf, labelOf } from '../src/common/choices';
import { isoToRu, realDate, ruToIso } from '../src/common/ruDate';
import { ratio, formatValue, isHeadline } from '../src/indicators/types';
import { pastDate } from '../src/participants/dates';
import { formatOf, importPath } from '../src/participants/importFile';
import { participantLabel } from '../src/participants/label';
import { answersOf, missingRequired, type Question } from '../src/questionnaires/answers';
import { isFinished, periodOf, type Report } from '../src/reports/report';
import { tokenFromPath } from '../src/respondent/token';

const question = (id: string, kind: Question['kind'], required = true): Question => ({ id, position: Number(id.slice(1)), kind, text: id, required, options: [] });

describe('console helpers', () => {
  it('names school years from September', () => {
    expect(currentAcademicYear(new Date(2026, 10, 22))).toBe('2026/2027');
    expect(currentAcademicYear(new Date(2026, 7, 31))).toBe('2025/2026');
    expect(academicYears(new Date(2024, 0, 1))).toEqual(['2023/2024', '2022/2023']);
  });

  it('labels enum values with the API descriptions', () => {
    expect(labelOf('PairStatus', 'ENDED_EARLY')).toBe('Прекращена досрочно');
    expect(labelOf('PairStatus', null)).toBe('—');
    expect(choicesOf('BaseKind')).toEqual([
      { id: 'MENTEE', name: 'База наставляемых' },
      { id: 'MENTOR', name: 'База наставников' },
    ]);
  });

  it('aggregates a region as Σnumerators / Σdenominators', () => {
    expect(ratio(19 + 9, 58 + 22)).toBe(35);
    expect(ratio(0, 0)).toBeNull();
    expect(formatValue(35, 'percent')).toBe('35 %');
    expect(formatValue(12, 'count')).toBe('12');
    expect(isHeadline({ code: 'MEET.ORG.D01', shortTitle: '', title: '', unit: 'count', defaultTarget: null })).toBe(false);
  });

  it('uploads an import file to the REST route, its format from the name', () => {
    expect(formatOf('Список.CSV')).toBe('CSV');
    expect(formatOf('uchastniki.xlsx')).toBe('XLSX');
    expect(importPath('Список.CSV', true)).toBe('/participants/import?format=csv&dryRun=true');
    expect(importPath('uchastniki.xlsx', false)).toBe('/participants/import?format=xlsx&dryRun=false');
  });

  it('sends only answered questions, each with the field its kind uses', () => {
    const questions = [question('q1', 'RATING'), question('q2', 'SINGLE_CHOICE'), question('q3', 'MULTIPLE_CHOICE', false), question('q4', 'OPEN', false)];
    const answers = {
      q1: { questionId: 'q1', value: 5, text: 'stray' },
      q3: { questionId: 'q3', options: [] },
      q4: { questionId: 'q4', text: '  спасибо  ' },
    };
    expect(answersOf(questions, answers)).toEqual([
      { questionId: 'q1', value: 5 },
      { questionId: 'q4', text: 'спасибо' },
    ]);
    expect(missingRequired(questions, answers).map((q) => q.id)).toEqual(['q2']);
  });

  it('finds the token of a personal link in the path', () => {
    expect(tokenFromPath('/q/AbC_def-0123456789abcdefghijklmnopqrstuvwxyz0')).toBe('AbC_def-0123456789abcdefghijklmnopqrstuvwxyz0');
    expect(tokenFromPath('/')).toBeNull();
    expect(tokenFromPath('/q/short')).toBeNull();
  });

  it('takes dates the Russian way and keeps them as ISO dates', () => {
    expect(isoToRu('2026-09-01')).toBe('01.09.2026');
    expect(isoToRu('2026-09-01T00:00:00.000Z')).toBe('01.09.2026');
    expect(isoToRu(null)).toBe('');
    expect(isoToRu('01.09')).toBe('01.09'); // half-typed: shown as typed
    expect(ruToIso('1.9.2026')).toBe('2026-09-01');
    expect(ruToIso(' 01.09.2026 ')).toBe('2026-09-01');
    expect(ruToIso('')).toBeNull();
    expect(ruToIso('01.09')).toBe('01.09');
    const check = (value: unknown) => realDate(value, {}, {});
    expect(check('2026-09-01')).toBeUndefined();
    expect(check(null)).toBeUndefined();
    expect(check('01.09')).toBe('Дата — в формате ДД.ММ.ГГГГ, например 01.09.2026.');
    expect(check('2026-02-31')).toBe('Даты 31.02.2026 не существует.');
    const signed = pastDate('Дата подписания');
    expect(signed('2999-01-01')).toBe('Дата подписания 01.01.2999 — в будущем.');
    expect(signed('1999-12-31')).toBe('Дата подписания 31.12.1999 — раньше 2000 года.');
    expect(signed('2024-05-20')).toBeUndefined();
    expect(signed('20.05')).toBeUndefined(); // left to realDate
  });

  it('tells namesakes apart by class or position', () => {
    expect(participantLabel({ fullName: 'Алексеев Артём Андреевич', grade: 7, classLetter: 'Б' })).toBe('Алексеев Артём Андреевич, 7Б класс');
    expect(participantLabel({ fullName: 'Иванов Александр Иванович', grade: 11, classLetter: null })).toBe('Иванов Александр Иванович, 11 класс');
    expect(participantLabel({ fullName: 'Егоров Илья Дмитриевич', grade: null, position: 'учитель (география)' })).toBe('Егоров Илья Дмитриевич, учитель (география)');
    expect(participantLabel({ fullName: 'Кузнецова Дарья' })).toBe('Кузнецова Дарья');
  });

  it('reads the state and the period of a report', () => {
    const report = { status: 'RUNNING', parameters: '{"period":"2026/2027","regionId":null}' } as Report;
    expect(isFinished(report)).toBe(false);
    expect(isFinished({ status: 'FAILED' })).toBe(true);
    expect(periodOf(report)).toBe('2026/2027');
    expect(periodOf({ ...report, parameters: 'not json' })).toBeNull();
  });
});
