import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Creates the development identity key pair once (npm run setup); the API reads the public half. */
export function ensureDevIdentityKeys(dir: string): { created: boolean } {
  if (existsSync(join(dir, 'private.pem')) && existsSync(join(dir, 'public.pem'))) return { created: false };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(join(dir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  return { created: true };
}
