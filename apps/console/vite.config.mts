import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the API listens; the e2e harness points this at its own API instance. */
const apiUrl = process.env.NASTAVNIK_API_URL ?? 'http://localhost:3000';
const port = Number(process.env.CONSOLE_PORT ?? 5173);
// `localhost` by default: the Keycloak client `mentoring-console` allows redirects to http://localhost:5173/*.
const host = process.env.CONSOLE_HOST ?? 'localhost';

// The SPA talks to one origin: the dev server and `vite preview` forward the API's routes.
const proxy: Record<string, ProxyOptions> = {
  ...Object.fromEntries(['/graphql', '/auth', '/health', '/reports', '/participants/import', '/access-journal', '/indicator-table', '/admin'].map((path) => [path, { target: apiUrl, changeOrigin: false }])),
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

/** The origin of a URL, or nothing for an unset or relative one. */
function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

// Build-time settings of src/config.ts, with its defaults: the browser may talk to the API (same
// origin unless VITE_API_URL names another) and to Keycloak, and to nothing else.
const keycloakOrigin = originOf(process.env.VITE_KEYCLOAK_URL ?? 'http://localhost:8080');
const connectSources = ["'self'", ...originOf(process.env.VITE_API_URL), ...keycloakOrigin];

/**
 * Content-Security-Policy of the built console (`vite preview`, and what a production web server
 * should send): scripts only from its own origin; inline styles because MUI's emotion writes
 * `<style>` elements at run time; images also as data:/blob: (MUI icons, chart exports).
 * keycloak-js may open Keycloak in a hidden iframe.
 */
function contentSecurityPolicy(scriptSources: string[]): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSources].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(' ')}`,
    `frame-src ${keycloakOrigin.join(' ') || "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const commonHeaders = { 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' };
const previewHeaders = { ...commonHeaders, 'Content-Security-Policy': contentSecurityPolicy([]) };
// The dev server adds one inline script, @vitejs/plugin-react's Fast Refresh preamble: allowed by its hash, not by 'unsafe-inline'.
const refreshPreamble = react.preambleCode.replace('__BASE__', '/');
const devServerHeaders = { ...commonHeaders, 'Content-Security-Policy': contentSecurityPolicy([`'sha256-${createHash('sha256').update(refreshPreamble).digest('base64')}'`]) };

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      // ra-keycloak imports keycloak-js through a deep path that keycloak-js 26's `exports` no longer allows.
      'keycloak-js/lib/keycloak': 'keycloak-js',
      // Code the console shares with the API (libs/contracts: the formula-safe CSV writer), as in tsconfig.base.json.
      '@nastavnik/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)),
    },
  },
  server: { port, strictPort: true, host, proxy, headers: devServerHeaders },
  preview: { port, strictPort: true, host, proxy, headers: previewHeaders },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // react-admin + MUI form one large vendor chunk; the console is an internal tool on a fast network.
    chunkSizeWarningLimit: 4096,
  },
});
