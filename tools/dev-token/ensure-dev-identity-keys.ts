import { ensureDevIdentityKeys } from '@nastavnik/platform/auth/dev-identity-keys';

/** `npm run setup` step: the development identity key pair, created once. */
const dir = process.argv[2];
if (!dir) throw new Error('usage: ensure-dev-identity-keys.ts <dir>');
console.log(ensureDevIdentityKeys(dir).created ? `development identity keys created in ${dir}` : 'development identity keys: present');
