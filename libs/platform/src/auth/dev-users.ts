import type { TokenSubject } from './keycloak-token';

/**
 * The demo users — the same as the users of infra/keycloak/realm-export.json (a test keeps the two
 * equal). Synthetic people; the password in Keycloak is `demo`.
 */
export const DEV_USERS: (TokenSubject & { description: string })[] = [
  { username: 'admin', displayName: 'Ирина Соколова', roles: ['platform-admin'], tenantCode: null, description: 'администратор платформы' },
  { username: 'analyst.demo', displayName: 'Андрей Мельник', roles: ['region-analyst'], tenantCode: 'demo', description: 'аналитик регионального центра, Демонстрационный регион' },
  { username: 'analyst.north', displayName: 'Ольга Кравченко', roles: ['region-analyst'], tenantCode: 'north', description: 'аналитик, Северный демонстрационный регион' },
  { username: 'minister', displayName: 'Виктор Лебедев', roles: ['ministry-official'], tenantCode: null, description: 'специалист министерства, все регионы' },
  { username: 'curator.sh51', displayName: 'Наталья Орлова', roles: ['curator'], tenantCode: 'sch51', description: 'куратор, МАОУ «Средняя школа № 51»' },
  { username: 'curator.uyut', displayName: 'Елена Васильева', roles: ['curator'], tenantCode: 'uyut', description: 'куратор, МБОУ «Уютненская средняя школа-гимназия»' },
  { username: 'curator.g40', displayName: 'Сергей Зайцев', roles: ['curator'], tenantCode: 'g40', description: 'куратор, МАОУ гимназия № 40' },
  { username: 'curator.sosh31', displayName: 'Марина Федорова', roles: ['curator'], tenantCode: 'sosh31', description: 'куратор, ГБОУ СОШ № 31' },
  { username: 'curator.mish', displayName: 'Дмитрий Никитин', roles: ['curator'], tenantCode: 'mish', description: 'куратор, МБОУ «Мишкинская СОШ»' },
];
