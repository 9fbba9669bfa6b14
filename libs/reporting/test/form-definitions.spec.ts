import { FORMS, formFor, loadFormDefinitions, validateFormDefinition } from '../src/forms/form-definitions';
import { contentDisposition, requestHash } from '../src/report-request';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import shipped from '../src/forms/mentoring-r145.v1.json';

const clone = () => JSON.parse(JSON.stringify(shipped)) as Record<string, unknown> & { rows: Record<string, unknown>[]; columns: Record<string, unknown>[] };

describe('statistical forms are data, validated at start-up', () => {
  it('the shipped definition covers T1–T4, N1, mentors and mentees', () => {
    const form = formFor('MENTORING-R145', '2022/2023');
    expect(form?.version).toBe('1');
    expect(form?.rows.map((r) => r.indicator)).toEqual(['T1', 'T2', 'T3', 'T4', 'N1', 'MENTORS', 'MENTEES']);
    expect(FORMS.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown indicator', (f: ReturnType<typeof clone>) => (f.rows[0].indicator = 'T9'), /line 01 is bound to unknown indicator "T9"/],
    ['a unit that contradicts the indicator', (f: ReturnType<typeof clone>) => (f.rows[5].unit = 'percent'), /line 06: unit "percent" differs from indicator MENTORS/],
    ['a duplicate line', (f: ReturnType<typeof clone>) => (f.rows[1].line = '01'), /line 01 appears twice/],
    ['a bad column', (f: ReturnType<typeof clone>) => (f.columns[0].key = 'ssn'), /column key "ssn"/],
    ['a bad date', (f: ReturnType<typeof clone>) => (f.validFrom = '01.09.2022'), /"validFrom"/],
    ['no rows', (f: ReturnType<typeof clone>) => (f.rows = []), /"rows"/],
    ['a Latin name', (f: ReturnType<typeof clone>) => (f.name = 'MENTORING-R145'), /"name"/],
    ['no approving document', (f: ReturnType<typeof clone>) => delete f.approvedBy, /"approvedBy"/],
    ['two columns with one number', (f: ReturnType<typeof clone>) => (f.columns[5].number = '1'), /column number "1" appears twice/],
    ['an unnumbered column', (f: ReturnType<typeof clone>) => delete f.columns[0].number, /column "title" needs a "number"/],
  ])('a definition with %s stops the process with a clear message', (_what, spoil, message) => {
    const form = clone();
    spoil(form);
    expect(() => validateFormDefinition('bad.v2.json', form)).toThrow(message);
    expect(() => loadFormDefinitions({ 'bad.v2.json': form })).toThrow(/Form definition bad\.v2\.json/);
  });

  it('two files with the same code and version are refused', () => {
    expect(() => loadFormDefinitions({ 'a.json': clone(), 'b.json': clone() })).toThrow(/MENTORING-R145@1 is defined twice/);
  });
});

describe('request identity and download headers', () => {
  const scope: Scope = { role: 'curator', tenantId: 'a', tenantPath: 'r.m.a', allTenants: false, actor: 'x' };

  it('the same kind, parameters and scope on the same day hash alike; another scope does not', () => {
    const day = new Date('2026-11-22T10:00:00Z');
    const params = { period: '2022/2023', tenantId: 'a' };
    expect(requestHash('school_report', params, scope, day)).toBe(requestHash('school_report', { tenantId: 'a', period: '2022/2023' }, { ...scope, actor: 'y' }, day));
    expect(requestHash('school_report', params, scope, day)).not.toBe(requestHash('school_report', params, { ...scope, role: 'region-analyst' }, day));
    expect(requestHash('school_report', params, scope, day)).not.toBe(requestHash('school_report', params, scope, new Date('2026-11-23T10:00:00Z')));
  });

  it('Content-Disposition carries the Russian name per RFC 5987 and an ASCII fallback', () => {
    const header = contentDisposition('Отчёт «Мишкинская СОШ» 2022-2023.pdf');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('Отчёт «Мишкинская СОШ» 2022-2023.pdf');
  });
});
