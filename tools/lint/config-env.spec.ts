import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { loadConfig } from '@nastavnik/platform/config/app-config';

/**
 * Configuration has one door (issue 16): every environment variable the product reads goes through
 * `loadConfig()` in app-config.ts, which checks it and stops the start-up with a ConfigurationError
 * on a bad value, and README's configuration table lists every one of them. A variable read
 * anywhere else (at import time, unchecked, undocumented) fails here, as does a variable that the
 * loader reads and the README does not list, or one that the README lists and nothing reads.
 */
const root = join(__dirname, '..', '..');
const LOADER = 'libs/platform/src/config/app-config.ts';
/** The console runs in a browser: Vite fills `import.meta.env.VITE_*` in at build time, in this one file. */
const CONSOLE_LOADER = 'apps/console/src/config.ts';
/** The test builders read the jest run's own settings (NASTAVNIK_TEST_ENV_FILE), not the product's. */
const EXEMPT = ['libs/testing/src/'];

type Read = { file: string; line: number; what: string; name?: string };

/** Where a source reads the environment: `process.env…`, `process['env']`, `{ env } = process`, `env` imported from node:process, `import.meta.env…`. */
function environmentReads(file: string, text: string): Read[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const reads: Read[] = [];
  const at = (node: ts.Node, what: string, name?: string) =>
    reads.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, what, name });
  const isProcess = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && node.text === 'process') ||
    (ts.isPropertyAccessExpression(node) && node.name.text === 'process') ||
    (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && ts.isStringLiteral(node.arguments[0] ?? node) && /^(node:)?process$/.test((node.arguments[0] as ts.StringLiteral).text));
  const nameAfter = (node: ts.Node): string | undefined => {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return parent.name.text;
    if (ts.isElementAccessExpression(parent) && parent.expression === node && ts.isStringLiteralLike(parent.argumentExpression)) return parent.argumentExpression.text;
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'env') {
      if (isProcess(node.expression)) at(node, 'process.env', nameAfter(node));
      else if (ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword) at(node, 'import.meta.env', nameAfter(node));
    }
    if (ts.isElementAccessExpression(node) && isProcess(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'env') {
      at(node, "process['env']", nameAfter(node));
    }
    if (ts.isVariableDeclaration(node) && node.initializer && isProcess(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      const takesEnv = node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === 'env');
      if (takesEnv) at(node, '{ env } = process');
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(node:)?process$/.test(node.moduleSpecifier.text)) {
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => (e.propertyName ?? e.name).text === 'env')) at(node, `env imported from ${node.moduleSpecifier.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

/** The names the loader reads: `env.NAME`, `env['NAME']`, and a 'NAME' handed to a helper together with `env`. */
function loaderNames(text: string): Set<string> {
  const source = ts.createSourceFile(LOADER, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const isEnv = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'env';
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) names.add(node.name.text);
    if (ts.isElementAccessExpression(node) && isEnv(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) names.add(node.argumentExpression.text);
    if (ts.isCallExpression(node) && node.arguments.some(isEnv)) {
      for (const arg of node.arguments) if (ts.isStringLiteralLike(arg) && /^[A-Z][A-Z0-9_]*$/.test(arg.text)) names.add(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The variables named in the first column of the tables under README's "## Configuration" heading. */
function readmeConfigurationRows(readme: string): { names: string[]; cells: string[] }[] {
  const start = readme.search(/^## Configuration\b/m);
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows: { names: string[]; cells: string[] }[] = [];
  let header = true;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      header = true; // the next table starts with its header row
      continue;
    }
    const cells = line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
    if (header || cells.every((cell) => /^:?-+:?$/.test(cell))) {
      header = false;
      continue;
    }
    rows.push({ names: [...cells[0].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]), cells });
  }
  return rows;
}

function sources(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts') && !/\.spec\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const productSources = (): string[] =>
  ['libs', 'apps'].flatMap((top) => readdirSync(join(root, top)).flatMap((project) => sources(join(root, top, project, 'src'))));

const rel = (path: string) => relative(root, path).split(sep).join('/');

describe('configuration: one validated loader, every variable documented', () => {
  const loaderText = readFileSync(join(root, LOADER), 'utf8');
  const loaderReads = loaderNames(loaderText);
  const consoleReads = new Set(environmentReads(CONSOLE_LOADER, readFileSync(join(root, CONSOLE_LOADER), 'utf8')).flatMap((r) => (r.name ? [r.name] : [])));

  it('finds every way of reading the environment, and not the words in comments or strings', () => {
    const sample = [
      "const a = process.env.A_VAR;",
      "const b = process.env['B_VAR'];",
      "const c = process['env'].C_VAR;",
      "const { D_VAR } = process.env;",
      "const { env } = process;",
      "import { env as e } from 'node:process';",
      "const f = require('process').env.F_VAR;",
      "const g = globalThis.process.env.G_VAR;",
      "const h = import.meta.env.VITE_H;",
      "// process.env.COMMENTED is only a comment",
      "const s = 'process.env.IN_A_STRING';",
      "const env = { X: 1 }; const x = env.X;",
    ].join('\n');
    const found = environmentReads('sample.ts', sample).map((r) => `${r.line}:${r.what}${r.name ? `:${r.name}` : ''}`);
    expect(found).toEqual([
      '1:process.env:A_VAR',
      '2:process.env:B_VAR',
      "3:process['env']:C_VAR",
      '4:process.env',
      '5:{ env } = process',
      '6:env imported from node:process',
      '7:process.env:F_VAR',
      '8:process.env:G_VAR',
      '9:import.meta.env:VITE_H',
    ]);
  });

  it('reads the environment nowhere in libs/*/src and apps/*/src but the loader (and the console\'s build-time config)', () => {
    const outside = productSources()
      .filter((path) => rel(path) !== LOADER && !EXEMPT.some((dir) => rel(path).startsWith(dir)))
      .flatMap((path) => environmentReads(rel(path), readFileSync(path, 'utf8')))
      .filter((read) => !(read.file === CONSOLE_LOADER && read.what === 'import.meta.env'))
      .map((read) => `${read.file}:${read.line}: ${read.what}${read.name ? `.${read.name}` : ''} — add it to AppConfig in ${LOADER} (checked there) and inject APP_CONFIG`);
    expect(outside).toEqual([]);
    // The scan sees the files it should: the loader's own reads are found by the same walk.
    expect(productSources().map(rel)).toContain(LOADER);
  });

  it('knows every variable the loader reads (static names ⊇ what a run of loadConfig asks for)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-env-'));
    try {
      writeFileSync(join(dir, 'public.pem'), '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
      const asked = new Set<string>();
      const recording = (values: Record<string, string>): NodeJS.ProcessEnv =>
        new Proxy(values, {
          get: (target, key) => {
            if (typeof key !== 'string') return undefined;
            asked.add(key);
            return Object.prototype.hasOwnProperty.call(target, key) ? Reflect.get(target, key) : undefined;
          },
        });
      loadConfig(recording({ AUTH_MODE: 'keycloak' }));
      loadConfig(recording({ AUTH_MODE: 'dev', DEV_IDENTITY_DIR: dir }));
      expect([...asked].filter((name) => !loaderReads.has(name))).toEqual([]);
      expect(asked.size).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists every variable in README's configuration table, with a default and a meaning, and nothing else", () => {
    const rows = readmeConfigurationRows(readFileSync(join(root, 'README.md'), 'utf8'));
    const incomplete = rows.filter((row) => row.names.length === 0 || row.cells.length < 3 || row.cells.slice(1).some((cell) => cell === '')).map((row) => row.cells.join(' | '));
    expect(incomplete).toEqual([]);
    const documented = rows.flatMap((row) => row.names);
    const read = [...loaderReads, ...consoleReads];
    expect({ missingFromReadme: read.filter((name) => !documented.includes(name)).sort(), readByNothing: documented.filter((name) => !read.includes(name)).sort() }).toEqual({
      missingFromReadme: [],
      readByNothing: [],
    });
    expect(documented.length).toBe(new Set(documented).size);
    // The variables of issue 16 that were read outside the loader are among the loader's now.
    for (const name of ['INDICATORS_NIGHTLY_CRON', 'INDICATORS_RECONCILE_MS', 'DEV_IDENTITY_DIR', 'DATABASE_POOL_SIZE', 'QUEUE_LOCK_MS', 'QUEUE_STALLED_CHECK_MS']) {
      expect(loaderReads).toContain(name);
    }
  });
});
