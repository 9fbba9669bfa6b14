import type { OrganisationType, TenantKind } from '@nastavnik/tenants/tenant.entity';

export type DemoTenant = {
  code: string;
  kind: TenantKind;
  parent?: string;
  fullName: string;
  shortName: string;
  orgType?: OrganisationType;
  address?: string;
};

/**
 * The demo tree: the five schools of the source documents (seeds 000–004) gathered in one
 * demonstration region, each in a municipality named after its real place where the seed gives
 * one; and a second region with two synthetic schools, to show that analysts see only their own.
 */
export const DEMO_TENANTS: DemoTenant[] = [
  { code: 'demo', kind: 'region', fullName: 'Демонстрационный регион', shortName: 'Демо-регион' },
  { code: 'demo-krasnodar', kind: 'municipality', parent: 'demo', fullName: 'Муниципальное образование город Краснодар', shortName: 'г. Краснодар' },
  { code: 'demo-saki', kind: 'municipality', parent: 'demo', fullName: 'Сакский район', shortName: 'Сакский район' },
  { code: 'demo-vasileostrovsky', kind: 'municipality', parent: 'demo', fullName: 'Василеостровский район', shortName: 'Василеостровский район' },
  { code: 'demo-city', kind: 'municipality', parent: 'demo', fullName: 'Городской округ «Демонстрационный»', shortName: 'ГО Демонстрационный' },
  { code: 'demo-mishkino', kind: 'municipality', parent: 'demo', fullName: 'Мишкинский муниципальный округ', shortName: 'Мишкинский МО' },
  { code: 'sch51', kind: 'organisation', parent: 'demo-city', orgType: 'school', fullName: 'Муниципальное автономное общеобразовательное учреждение «Средняя школа № 51»', shortName: 'МАОУ «Средняя школа № 51»' },
  { code: 'uyut', kind: 'organisation', parent: 'demo-saki', orgType: 'gymnasium', fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Уютненская средняя школа-гимназия»', shortName: 'МБОУ «Уютненская СШ-гимназия»' },
  { code: 'g40', kind: 'organisation', parent: 'demo-krasnodar', orgType: 'gymnasium', fullName: 'Муниципальное автономное общеобразовательное учреждение гимназия № 40', shortName: 'МАОУ гимназия № 40' },
  { code: 'sosh31', kind: 'organisation', parent: 'demo-vasileostrovsky', orgType: 'school', fullName: 'ГБОУ средняя общеобразовательная школа № 31 с углубленным изучением английского языка Василеостровского района Санкт-Петербурга', shortName: 'ГБОУ СОШ № 31' },
  { code: 'mish', kind: 'organisation', parent: 'demo-mishkino', orgType: 'school', fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Мишкинская средняя общеобразовательная школа»', shortName: 'МБОУ «Мишкинская СОШ»' },
  { code: 'north', kind: 'region', fullName: 'Северный демонстрационный регион', shortName: 'Северный регион' },
  { code: 'north-lake', kind: 'municipality', parent: 'north', fullName: 'Озёрный муниципальный район', shortName: 'Озёрный район' },
  { code: 'north-lake-s1', kind: 'organisation', parent: 'north-lake', orgType: 'school', fullName: 'МБОУ «Озёрная средняя школа № 1»', shortName: 'Озёрная СШ № 1' },
  { code: 'north-lake-c1', kind: 'organisation', parent: 'north-lake', orgType: 'college', fullName: 'ГБПОУ «Озёрный педагогический колледж»', shortName: 'Озёрный пед. колледж' },
];
