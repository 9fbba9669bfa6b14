import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * "A lib's SQL names only its own tables" (docs/adr/0004), checked where the import lint cannot
 * see: which lib owns which relation (from the migrations), and where a lib's non-migration
 * sources name another lib's relation in SQL or import its entities. The database half (view
 * definitions, the published read models' options and grants) is in lib-tables.spec.ts.
 */

/** Libs whose sources are not checked: the test builders write every lib's tables by design (ADR 0004). */
export const UNCHECKED_LIBS = ['testing'];

export type Relation = { name: string; kind: 'table' | 'view'; lib: string; migration: string };
export type Finding = { lib: string; file: string; line: number; what: string };

const IDENT = `"?([a-z_][a-z0-9_]*)"?`;
const CREATE_TABLE = new RegExp(`\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?${IDENT}`, 'g');
const CREATE_VIEW = new RegExp(`\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?${IDENT}`, 'g');
/**
 * A relation name where SQL expects one: after from/join/into/update/table/using (and after the
 * commas of a from list). After from/join/using, a name followed by `(` is a function (`unnest(…)`,
 * `extract(year from age(…))`); after into it is a column list.
 */
const RELATION_AFTER = /\b(from|join|into|update|table|using)\s+(?:only\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)\b"?(\s*\()?/g;
const FUNCTION_POSITION = new Set(['from', 'join', 'using']);
const FROM_LIST_ITEM = /^\s*(?:(?:as\s+)?[a-z_][a-z0-9_]*)?\s*,\s*(?:lateral\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)\b"?(?!\s*\()/;
/** TypeORM query-builder calls whose first argument is a table name. */
const TABLE_ARGUMENT_METHODS = new Set(['from', 'into', 'update', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'getRepository', 'createQueryBuilder']);
const CYRILLIC = /[\u0400-\u04ff]/;
const SQL_STATEMENT = /\b(select|insert\s+into|delete\s+from|update\s+\S+\s+set)\b/i;

export const libsRoot = (root: string) => join(root, 'libs');

/** Every lib under libs/ with a src folder. */
export function libNames(root: string): string[] {
  return readdirSync(libsRoot(root)).filter((name) => existsSync(join(libsRoot(root), name, 'src'))).sort();
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * The text of every string and template literal of a source, `${…}` as a placeholder, with its
 * line; `skip` leaves out the subtrees it is true for.
 */
export function literals(source: ts.SourceFile, skip: (node: ts.Node) => boolean = () => false): { text: string; line: number; node: ts.Node }[] {
  const out: { text: string; line: number; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || skip(node)) return; // module specifiers are not SQL
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, node });
    } else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((span) => ` \${…} ${span.literal.text}`).join('');
      out.push({ text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

const timestampOf = (file: string) => Number(/(\d{13})-[^/]*\.ts$/.exec(file)?.[1] ?? NaN);

/** A migration's `down()`: what it creates there only restores an earlier state. */
const isDown = (node: ts.Node) => ts.isMethodDeclaration(node) && node.name.getText() === 'down';

/**
 * Which lib owns each relation, from the migrations (`libs/<lib>/src/migrations/<timestamp>-*.ts`,
 * applied in timestamp order; what a `down()` creates does not count): a table belongs to the lib
 * whose migration creates it; a view to the lib whose migration last creates or replaces it.
 * `problems` lists a table created by two libs.
 */
export function relationOwners(root: string): { relations: Map<string, Relation>; problems: string[] } {
  const migrations = libNames(root)
    .flatMap((lib) => walk(join(libsRoot(root), lib, 'src', 'migrations')).map((file) => ({ lib, file, at: timestampOf(file) })))
    .filter((m) => Number.isFinite(m.at))
    .sort((a, b) => a.at - b.at);
  const relations = new Map<string, Relation>();
  const problems: string[] = [];
  for (const { lib, file } of migrations) {
    const migration = relative(root, file);
    for (const { text } of literals(parse(file), isDown)) {
      const sql = text.toLowerCase();
      for (const [, name] of sql.matchAll(CREATE_TABLE)) {
        const known = relations.get(name);
        if (known && known.lib !== lib) problems.push(`table ${name} is created by ${known.migration} (${known.lib}) and by ${migration} (${lib})`);
        if (!known) relations.set(name, { name, kind: 'table', lib, migration });
      }
      for (const [, name] of sql.matchAll(CREATE_VIEW)) {
        const known = relations.get(name);
        if (known?.kind === 'table') problems.push(`view ${name} of ${migration} has the name of ${known.lib}'s table`);
        else relations.set(name, { name, kind: 'view', lib, migration });
      }
    }
  }
  return { relations, problems };
}

/** Relation names that SQL in a literal reads or writes (lower case, deduplicated). */
export function sqlRelationNames(text: string): string[] {
  if (CYRILLIC.test(text) && !SQL_STATEMENT.test(text)) return []; // a Russian message, not SQL
  const sql = text.toLowerCase().replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
  const names = new Set<string>();
  for (const match of sql.matchAll(RELATION_AFTER)) {
    if (match[3] && FUNCTION_POSITION.has(match[1])) continue;
    names.add(match[2]);
    if (match[1] !== 'from' && match[1] !== 'join') continue;
    // `from a x, b y`: the comma join's further relations.
    let rest = sql.slice((match.index ?? 0) + match[0].length);
    for (let item = FROM_LIST_ITEM.exec(rest); item; item = FROM_LIST_ITEM.exec(rest)) {
      names.add(item[1]);
      rest = rest.slice(item[0].length);
    }
  }
  return [...names];
}

/** The lib a module specifier of `file` points into (undefined: a package or outside libs/). */
export function targetLib(root: string, file: string, specifier: string): { lib: string; path: string } | undefined {
  const alias = /^@nastavnik\/([a-z-]+)\/(.+)$/.exec(specifier);
  if (alias) return { lib: alias[1], path: alias[2] };
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(libsRoot(root), resolve(dirname(file), specifier));
  if (target.startsWith('..')) return undefined;
  const [lib, ...rest] = target.split(sep);
  return { lib, path: rest.join('/') };
}

/** Whether a source declares a TypeORM entity mapped onto a table or view (an abstract base class maps none). */
function mapsTable(file: string): boolean {
  if (!existsSync(file)) return true; // cannot tell: count it
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && ts.isIdentifier(node.expression.expression) && ['Entity', 'ViewEntity', 'ChildEntity'].includes(node.expression.expression.text)) found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return found;
}

/** The decorators `@Entity('name')`, `@Entity({ name })`, `@ViewEntity(…)` of a source: the table names they map. */
function entityTables(node: ts.Node): string[] {
  if (!ts.isDecorator(node) || !ts.isCallExpression(node.expression)) return [];
  const callee = node.expression.expression;
  if (!ts.isIdentifier(callee) || !['Entity', 'ViewEntity'].includes(callee.text)) return [];
  const [arg] = node.expression.arguments;
  if (arg && ts.isStringLiteralLike(arg)) return [arg.text];
  if (arg && ts.isObjectLiteralExpression(arg)) {
    return arg.properties.flatMap((p) => (ts.isPropertyAssignment(p) && p.name.getText() === 'name' && ts.isStringLiteralLike(p.initializer) ? [p.initializer.text] : []));
  }
  return [];
}

/**
 * The violations in the libs' non-migration sources (libs/<lib>/src/**, migrations excluded):
 * (a) SQL in a string or template literal naming another lib's relation that is not one of that
 *     lib's published read models (`allowed`: relation → lib that publishes it);
 * (b) an import of another lib's `*.entity` / `*.entities` file that maps a table (an `@Entity`:
 *     TypeORM access to that lib's table; an abstract base class with no table is not), or a
 *     TypeORM entity of this lib mapped onto another lib's table.
 */
export function sourceViolations(root: string, relations: Map<string, Relation>, published: Map<string, string>, files?: { lib: string; file: string; text?: string }[]): { sql: Finding[]; entities: Finding[] } {
  const sources: { lib: string; file: string; text?: string }[] =
    files ??
    libNames(root)
      .filter((lib) => !UNCHECKED_LIBS.includes(lib))
      .flatMap((lib) => walk(join(libsRoot(root), lib, 'src')).filter((f) => !f.includes(`${sep}migrations${sep}`)).map((file) => ({ lib, file })));
  const sql: Finding[] = [];
  const entities: Finding[] = [];
  const foreign = (lib: string, name: string) => {
    const relation = relations.get(name);
    return relation !== undefined && relation.lib !== lib && published.get(name) !== relation.lib ? relation : undefined;
  };
  for (const { lib, file, text } of sources) {
    const source = ts.createSourceFile(file, text ?? readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const where = relative(root, file);
    for (const literal of literals(source)) {
      for (const name of sqlRelationNames(literal.text)) {
        const relation = foreign(lib, name);
        if (relation) sql.push({ lib, file: where, line: literal.line, what: `names ${relation.lib}'s ${relation.kind} ${name}` });
      }
    }
    const visit = (node: ts.Node): void => {
      // Query-builder calls given a bare table name: .from('participants', 'p'), .innerJoin('consents', …).
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && TABLE_ARGUMENT_METHODS.has(node.expression.name.text)) {
        const [arg] = node.arguments;
        const relation = arg && ts.isStringLiteralLike(arg) ? foreign(lib, arg.text.toLowerCase()) : undefined;
        if (relation) sql.push({ lib, file: where, line: at(node), what: `${node.expression.name.text}('${arg.getText(source).slice(1, -1)}') names ${relation.lib}'s ${relation.kind}` });
      }
      const specifier =
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
          ? node.moduleSpecifier.text
          : ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])
            ? node.arguments[0].text
            : undefined;
      if (specifier) {
        const target = targetLib(root, file, specifier);
        if (target && target.lib !== lib && /\.entit(y|ies)(\.ts)?$/.test(target.path) && mapsTable(join(libsRoot(root), target.lib, 'src', target.path.replace(/(\.ts)?$/, '.ts'))))
          entities.push({ lib, file: where, line: at(node), what: `imports ${target.lib}'s ${target.path}` });
      }
      for (const table of entityTables(node)) {
        const relation = relations.get(table.toLowerCase());
        if (relation && relation.lib !== lib) entities.push({ lib, file: where, line: at(node), what: `maps an entity onto ${relation.lib}'s ${relation.kind} ${table}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { sql, entities };
}

export const describeFinding = (f: Finding) => `${f.file}:${f.line} (${f.lib}) ${f.what}`;
