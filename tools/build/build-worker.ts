/**
 * Builds the worker — or the API — to plain CommonJS (no TypeScript compiler at run time):
 *
 *   npm run build:worker                      # → dist/worker/apps/worker/src/main.js
 *   npm run build:api                         # → dist/api/apps/api/src/main.js
 *   node -r ./tools/register.cjs tools/build/build-worker.ts [--app api|worker] [--out <dir>]
 *
 * Starts at apps/worker/src/main.ts and follows every `require` of our own code: each reachable
 * .ts file is compiled by swc with the runtime register's configuration (decorator metadata,
 * class names kept) and written under the same relative path; `@nastavnik/<lib>/<file>` aliases
 * become relative paths at build time; JSON files are copied. Packages stay in node_modules (the
 * output lives inside the repository, or /app in the image, so they resolve as usual). A require
 * of our code that resolves to no file, or any reference left to swc, fails the build.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { transformSync } from '@swc/core';

const swcConfig = require('../swc.config.cjs') as Record<string, unknown>;

const ROOT = resolve(__dirname, '..', '..');
const ENTRIES = { worker: 'apps/worker/src/main.ts', api: 'apps/api/src/main.ts' } as const;
export type BuiltApp = keyof typeof ENTRIES;
const ALIAS = /^@nastavnik\/([a-z-]+)\/(.+)$/;
const REQUIRE = /\brequire\((["'])([^"']+)\1\)/g;

export type BuildResult = { outDir: string; main: string; files: number; bytes: number };

/** The source file a require of our own code points at, or null for a package / Node built-in. */
function resolveOwn(request: string, fromFile: string): string | null {
  let base: string;
  const alias = ALIAS.exec(request);
  if (alias) base = join(ROOT, 'libs', alias[1], 'src', alias[2]);
  else if (request.startsWith('./') || request.startsWith('../')) base = resolve(dirname(fromFile), request);
  else return null;
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${relative(ROOT, fromFile)}: cannot resolve "${request}"`);
}

const outPath = (outDir: string, source: string) => join(outDir, relative(ROOT, source)).replace(/\.ts$/, '.js');

function relativeRequire(fromOut: string, toOut: string): string {
  const path = relative(dirname(fromOut), toOut).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export function buildWorker(outDir = join(ROOT, 'dist', 'worker')): BuildResult {
  return buildApp('worker', outDir);
}

/** The same build for either process: the worker, or the API (its production start, deploy/start-api.sh). */
export function buildApp(app: BuiltApp, outDir = join(ROOT, 'dist', app)): BuildResult {
  const entry = app === 'api' ? ENTRIES.api : ENTRIES.worker;
  rmSync(outDir, { recursive: true, force: true });
  const queue = [join(ROOT, entry)];
  const seen = new Set<string>(queue);
  let bytes = 0;
  while (queue.length) {
    const source = queue.shift() as string;
    const target = outPath(outDir, source);
    mkdirSync(dirname(target), { recursive: true });
    if (!source.endsWith('.ts')) {
      copyFileSync(source, target);
      bytes += statSync(target).size;
      continue;
    }
    const { code, map } = transformSync(readFileSync(source, 'utf8'), { ...swcConfig, filename: source, sourceMaps: true });
    const rewritten = code.replace(REQUIRE, (whole, quote: string, request: string) => {
      if (request.startsWith('@swc/')) throw new Error(`${relative(ROOT, source)}: the output needs ${request} at run time`);
      const own = resolveOwn(request, source);
      if (!own) return whole;
      if (!seen.has(own)) {
        seen.add(own);
        queue.push(own);
      }
      return `require(${quote}${relativeRequire(target, outPath(outDir, own))}${quote})`;
    });
    if (map) {
      const parsed = JSON.parse(map) as { sources: string[]; file?: string };
      parsed.sources = [relative(dirname(target), source).split('\\').join('/')];
      parsed.file = target.slice(dirname(target).length + 1);
      writeFileSync(`${target}.map`, JSON.stringify(parsed));
    }
    // Line mappings are unchanged: only string literals of requires were rewritten.
    const output = `${rewritten}\n//# sourceMappingURL=${target.slice(dirname(target).length + 1)}.map\n`;
    writeFileSync(target, output);
    bytes += output.length;
  }
  return { outDir, main: outPath(outDir, join(ROOT, entry)), files: seen.size, bytes };
}

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  const appAt = process.argv.indexOf('--app');
  const app: BuiltApp = appAt > 0 && process.argv[appAt + 1] === 'api' ? 'api' : 'worker';
  const result = buildApp(app, at > 0 ? resolve(process.argv[at + 1]) : undefined);
  console.log(`${app} built: ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB → ${relative(process.cwd(), result.main)}`);
}
