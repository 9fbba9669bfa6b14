import { parse } from 'csv-parse/sync';
import { buildCsv, recordColumns } from '../src/common/csvExport';
import { participantsCsv, type ParticipantRecord } from '../src/participants/participantExport';

const person = (over: Partial<ParticipantRecord>): ParticipantRecord => ({
  id: over.lastName ?? 'x',
  lastName: 'Иванова',
  firstName: 'Анна',
  middleName: null,
  birthDate: '2012-03-15',
  sex: 'FEMALE',
  kind: 'STUDENT',
  grade: 6,
  classLetter: 'Б',
  subjects: [],
  requests: [],
  interests: [],
  directions: [],
  hasValidConsent: true,
  ...over,
});

const rowsOf = (csv: string) => parse(csv, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];

/** The console's «Экспорт» buttons: the CSV is built by the shared formula-safe writer, never by react-admin's default exporter. */
describe('console: list exports are formula-safe', () => {
  it('the participants export neutralises formula-like text in every column, with Russian headings', () => {
    const csv = participantsCsv([
      person({ lastName: '=HYPERLINK("http://x","клик")', firstName: '+7+cmd|\' /C calc\'!A0', middleName: '@SUM(1+1)' }),
      person({ lastName: '-2+3', phone: '+7 912 345-67-89', email: '@mail', notes: '\t=1+1', position: '＝1', requests: ['=A1', 'в'] }),
      person({ lastName: 'Петров', kind: 'TEACHER', grade: null, classLetter: null, teachingExperienceYears: 12, interests: ['SPORT', 'CREATIVE'], directions: ['D04', 'D11'], hasValidConsent: false }),
    ]);
    expect(csv.startsWith('\uFEFFФамилия;Имя;Отчество;Дата рождения;Пол;Категория;Класс;Должность;Педагогический стаж, лет;')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""клик"")";'+7+cmd|' /C calc'!A0;'@SUM(1+1);15.03.2012;Женский;Обучающийся (ученик) своей организации;6Б;;;;;;;;;;;;да`);
    expect(lines[2]).toBe(`'-2+3;Анна;;15.03.2012;Женский;Обучающийся (ученик) своей организации;6Б;'＝1;;;;'+7 912 345-67-89;'@mail;"'=A1; в";;;;'\t=1+1;да`);
    expect(lines[3]).toBe('Петров;Анна;;15.03.2012;Женский;Педагог организации (в том числе руководитель);;;12;;;;;;"Спортивное; Творческое";"Повышение мотивации к учёбе и улучшение образовательных результатов; Плавный «вход» молодого педагога и специалиста в профессию";;;нет');

    const parsed = rowsOf(csv);
    expect(parsed).toHaveLength(4);
    for (const row of parsed.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    expect(parsed[1][0]).toBe(`'=HYPERLINK("http://x","клик")`);
  });

  it('every other list exports its records the same way, headed by the resource labels', () => {
    const records = [
      { id: 'p1', title: '=cmd|\' /C calc\'!A0', hours: -3, active: true, tags: ['@a', 'b'], __typename: 'Programme' },
      { id: 'p2', title: 'Учитель – ученик', hours: 12, active: false, tags: [] },
    ];
    const labels = new Map([['title', 'Наименование'], ['hours', 'Часы']]);
    const csv = buildCsv(records, recordColumns(records, (field) => labels.get(field) ?? field));
    expect(csv).toBe(`\uFEFFНаименование;Часы;active;tags\r\n'=cmd|' /C calc'!A0;-3;да;"'@a; b"\r\nУчитель – ученик;12;нет;\r\n`);
  });
});
