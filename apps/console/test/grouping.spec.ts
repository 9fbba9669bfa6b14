import { countByGroup } from '../src/dashboard/grouping';
import type { Tenant } from '../src/tenants/types';

const node = (id: string, kind: Tenant['kind'], path: string, shortName = id): Tenant =>
  ({ id, kind, path, shortName, code: id, parentId: null, fullName: shortName, orgType: null, address: null, createdAt: '', updatedAt: '' }) as Tenant;

describe('dashboard: organisations per group', () => {
  it('counts each organisation once, under its nearest group, keeping empty groups', () => {
    const municipalities = [node('m1', 'MUNICIPALITY', 'r.m1', 'Сакский район'), node('m2', 'MUNICIPALITY', 'r.m2', 'г. Краснодар'), node('m3', 'MUNICIPALITY', 'r.m3', 'Пустой район')];
    const organisations = [node('s1', 'ORGANISATION', 'r.m1.s1'), node('s2', 'ORGANISATION', 'r.m1.s2'), node('s3', 'ORGANISATION', 'r.m2.s3'), node('s4', 'ORGANISATION', 'r.s4')];
    expect(countByGroup(organisations, municipalities, 'Без муниципалитета')).toEqual([
      { id: 'm1', name: 'Сакский район', count: 2 },
      { id: 'm2', name: 'г. Краснодар', count: 1 },
      { id: 'm3', name: 'Пустой район', count: 0 },
      { id: null, name: 'Без муниципалитета', count: 1 },
    ]);
  });

  it('does not mistake a sibling with a longer code for a parent', () => {
    const groups = [node('m1', 'MUNICIPALITY', 'r.m1'), node('m10', 'MUNICIPALITY', 'r.m10')];
    const result = countByGroup([node('s', 'ORGANISATION', 'r.m10.s')], groups, '—');
    expect(result.find((row) => row.id === 'm10')?.count).toBe(1);
    expect(result.find((row) => row.id === 'm1')?.count).toBe(0);
  });
});
