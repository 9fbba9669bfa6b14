import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the API listens; the e2e harness points this at its own API instance. */
const apiUrl = process.env.NASTAVNIK_API_URL ?? 'http://localhost:3000';
const port = Number(process.env.CONSOLE_PORT ?? 5173);
// `localhost` by default: the Keycloak client `mentoring-console` allows redirects to http://localhost:5173/*.
const host = process.env.CONSOLE_HOST ?? 'localhost';

// The SPA talks to one origin: the dev server and `vite preview` forward the API's routes.
const proxy: Record<string, ProxyOptions> = {
  ...Object.fromEntries(['/graphql', '/auth', '/health', '/reports'].map((path) => [path, { target: apiUrl, changeOrigin: false }])),
  // `/q/<token>` is both a page of the console (the link a participant opens) and the API's
  // questionnaire endpoint: a browser navigation (Accept: text/html) gets the SPA, its relative
  // assets are served from the root, and only the page's own JSON calls reach the API.
  '/q/': { target: apiUrl, changeOrigin: false, bypass: respondentBypass },
};

/** The SPA's answer to a request under `/q/`, or undefined to forward it to the API. */
function respondentBypass(req: { url?: string; headers: Record<string, string | string[] | undefined> }): string | undefined {
  const url = req.url ?? '';
  const asset = /^\/q\/(?:[^/]+\/)*?((?:assets\/)?[^/]+\.(?:js|css|svg|png|ico|map|woff2?))$/.exec(url.split('?')[0]);
  if (asset) return `/${asset[1]}`;
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') ? '/index.html' : undefined;
}

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // ra-keycloak imports keycloak-js through a deep path that keycloak-js 26's `exports` no longer allows.
    alias: { 'keycloak-js/lib/keycloak': 'keycloak-js' },
  },
  server: { port, strictPort: true, host, proxy },
  preview: { port, strictPort: true, host, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // react-admin + MUI form one large vendor chunk; the console is an internal tool on a fast network.
    chunkSizeWarningLimit: 4096,
  },
});
