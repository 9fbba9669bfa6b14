import { rankByValue, rankDirection } from '../src/indicator-ranking';
import { schoolYearsBetween } from '../src/indicator-query.service';

type School = { name: string; value: number | null };
const places = (schools: School[], direction: 'higher' | 'lower' = 'higher') =>
  rankByValue(schools, (s) => s.value, (s) => s.name, direction).map(({ item, rank }) => [item.name, rank]);

/** The one ranking of the dashboard and the regional PDF (ADR 0020). */
describe('indicator ranking: competition places, no data unranked', () => {
  it('equal values share a place and the next place skips the tie («1, 1, 3»)', () => {
    expect(places([{ name: 'В', value: 41 }, { name: 'Б', value: 41 }, { name: 'А', value: 90 }, { name: 'Г', value: 12 }])).toEqual([
      ['А', 1],
      ['Б', 2],
      ['В', 2],
      ['Г', 4],
    ]);
    expect(places([{ name: 'А', value: 41 }, { name: 'Б', value: 41 }, { name: 'В', value: 30 }])).toEqual([
      ['А', 1],
      ['Б', 1],
      ['В', 3],
    ]);
  });

  it('a three-way tie at the bottom shares the place after those above it', () => {
    const schools = [50, 70, 50, 50, 80].map((value, i) => ({ name: `Школа ${i + 1}`, value }));
    expect(places(schools).map(([, rank]) => rank)).toEqual([1, 2, 3, 3, 3]);
  });

  it('organisations with no value get no place and come last, by name', () => {
    expect(places([{ name: 'Я', value: null }, { name: 'Б', value: 0 }, { name: 'А', value: null }, { name: 'В', value: 5 }])).toEqual([
      ['В', 1],
      ['Б', 2],
      ['А', null],
      ['Я', null],
    ]);
    expect(places([{ name: 'А', value: null }])).toEqual([['А', null]]);
  });

  it('«не более» targets rank the lowest value first', () => {
    expect(rankDirection({ direction: 'at_most' })).toBe('lower');
    expect(rankDirection({ direction: 'at_least' })).toBe('higher');
    expect(rankDirection(undefined)).toBe('higher');
    expect(places([{ name: 'А', value: 9 }, { name: 'Б', value: 3 }, { name: 'В', value: 3 }], 'lower')).toEqual([
      ['Б', 1],
      ['В', 1],
      ['А', 3],
    ]);
  });

  it('school years between two, both included; nothing when there is no data', () => {
    expect(schoolYearsBetween('2019/2020', '2022/2023')).toEqual(['2019/2020', '2020/2021', '2021/2022', '2022/2023']);
    expect(schoolYearsBetween('2022/2023', '2022/2023')).toEqual(['2022/2023']);
    expect(schoolYearsBetween(undefined, undefined)).toEqual([]);
  });
});
