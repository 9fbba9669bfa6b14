import { loadConfig } from '@nastavnik/platform/config/app-config';
import { DEV_USERS } from '@nastavnik/platform/auth/dev-users';

/** Printed by `npm run demo` once the API answers. */
const config = loadConfig();
const port = config.port;
const lines = [
  '',
  `Платформа запущена. Консоль: http://localhost:5173 · GraphQL http://localhost:${port}/graphql · проверка http://localhost:${port}/health`,
  `Вход: ${config.auth.mode === 'dev' ? 'режим разработки (токены подписаны локальным ключом .local/dev-identity)' : `Keycloak ${config.auth.keycloakUrl}`}`,
  '',
  'Демо-пользователи (вход в консоли — выбором пользователя; токен для API: npm run -s dev:token -- <логин>):',
  ...DEV_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.roles.join(', ').padEnd(18)} ${u.description}`),
  '',
  'Пример:',
  `  TOKEN=$(npm run -s dev:token -- curator.mish)`,
  `  curl -s localhost:${port}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
  `       -d '{"query":"{ myTenant { code shortName path } }"}'`,
  '',
  'Остановить: Ctrl-C',
];
console.log(lines.join('\n'));
