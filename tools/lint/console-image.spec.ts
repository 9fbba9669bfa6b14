import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The console's container (deploy/console.Dockerfile, deploy/console/default.conf.template) cannot
 * be started here — no Docker engine runs on the development machines — so what can drift is
 * checked against its source of truth, apps/console/vite.config.mts: nginx must send the headers
 * `vite preview` sends (the CSP the browser e2e checks the console against) and forward the same
 * routes to the API.
 */
const root = join(__dirname, '..', '..');
const KEYCLOAK_ORIGIN = 'http://keycloak:8080';

/** Vite's own reading of the config, in a child process (vite is ESM and loads the config with a dynamic import). */
function viteConfig(): { headers: Record<string, string>; proxy: string[] } {
  const script = `
    import { loadConfigFromFile } from 'vite';
    const loaded = await loadConfigFromFile({ command: 'serve', mode: 'production', isPreview: true }, 'apps/console/vite.config.mts', undefined, 'silent');
    process.stdout.write(JSON.stringify({ headers: loaded.config.preview.headers, proxy: Object.keys(loaded.config.preview.proxy) }));
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_KEYCLOAK_URL: KEYCLOAK_ORIGIN };
  delete env.VITE_API_URL; // the compose build leaves it empty: the API on the console's origin
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, encoding: 'utf8' })) as { headers: Record<string, string>; proxy: string[] };
}

/** The template as the nginx image's entrypoint renders it with docker-compose.yml's variables. */
function renderedTemplate(): string {
  return readFileSync(join(root, 'deploy/console/default.conf.template'), 'utf8')
    .replaceAll('${KEYCLOAK_ORIGIN}', KEYCLOAK_ORIGIN)
    .replaceAll('${API_UPSTREAM}', 'api:3000');
}

describe('the console image serves what vite preview serves', () => {
  const vite = viteConfig();
  const nginx = renderedTemplate();

  it('sends the same security headers, the CSP included', () => {
    const sent = new Map([...nginx.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)].map((m) => [m[1], m[2]]));
    expect(Object.fromEntries(sent)).toEqual(vite.headers);
    expect(vite.headers['Content-Security-Policy']).toContain(`frame-src ${KEYCLOAK_ORIGIN}`);
  });

  it('forwards the same routes to the API, and nothing is left with a template variable', () => {
    const forwarded = [...nginx.matchAll(/^\s*location\s+(?:\^~\s+)?(\/\S*)\s*\{[^\n]*?proxy_pass|^\s*location\s+(\/q\/)\s*\{/gm)].map((m) => m[1] ?? m[2]);
    expect(forwarded.sort()).toEqual([...vite.proxy].sort());
    expect(nginx).toContain('proxy_pass http://api:3000;');
    expect(nginx).not.toMatch(/\$\{[A-Z_]+\}/);
  });

  it('the compose file builds it with the Keycloak the API trusts and publishes it where the realm redirects', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('dockerfile: deploy/console.Dockerfile');
    expect(compose).toContain(`VITE_KEYCLOAK_URL: ${KEYCLOAK_ORIGIN}`);
    expect(compose).toContain(`KEYCLOAK_ORIGIN: ${KEYCLOAK_ORIGIN}`);
    expect(compose).toContain(`KEYCLOAK_URL: ${KEYCLOAK_ORIGIN}`);
    expect(compose).toMatch(/"127\.0\.0\.1:5173:80"/);
    const realm = JSON.parse(readFileSync(join(root, 'infra/keycloak/realm-export.json'), 'utf8')) as { clients: { clientId: string; redirectUris?: string[] }[] };
    expect(realm.clients.find((c) => c.clientId === 'mentoring-console')?.redirectUris).toContain('http://localhost:5173/*');
    // The API in compose must listen beyond its loopback default.
    expect(compose).toMatch(/api:[\s\S]*?HOST: 0\.0\.0\.0/);
  });
});
