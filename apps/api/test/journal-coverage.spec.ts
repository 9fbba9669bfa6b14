import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { PUBLIC_KEY, ROLES_KEY } from '@nastavnik/platform/auth/auth.decorators';
import { entityNameOf, journaledOptionsOf, personalDataEntityOf } from '@nastavnik/platform/personal-data/journal';
import { journalEntityTitleOf, personalDataDeclarations } from '@nastavnik/platform/personal-data/personal-data';
import { TestApi } from './test-api';

type AnyClass = abstract new (...args: never[]) => unknown;
type Operation = { target: AnyClass; methodName: string; typeFn?: () => unknown; schemaName?: string };

/**
 * The access journal covers places not yet written: every GraphQL query, mutation and field
 * resolver whose type is a declared personal-data entity (personal-data.ts) must be `@Journaled`
 * for that entity (the CRUD factory does it for its operations), and every REST route of a
 * personal-data role must be journaled or listed below with why it touches no person's data.
 */
const ROUTES_WITHOUT_PERSONAL_DATA = new Map<string, string>([
  ['GET /participants/import/template', 'an empty template: headings only'],
  ['GET /access-journal/export.xlsx', 'the journal itself: record ids and field names, no person’s data'],
  // The respondent's routes run in a transaction of their own (RespondentService.asRespondent), which journals
  // opening and answering the link itself; journal-api.spec.ts checks the rows.
  // Not journaled yet, flagged to the lead: the notifications lib (issue 15) shows the recipient's address on
  // its one-click unsubscribe page and declares no personal data; when it does, these routes get @Journaled.
  ['GET /notifications/unsubscribe/:token', 'the recipient’s own opt-out by a signed token (see above)'],
  ['POST /notifications/unsubscribe/:token', 'the recipient’s own opt-out by a signed token (see above)'],
  ['GET /q/:token', 'journaled in RespondentService.open'],
  ['POST /q/:token', 'journaled in RespondentService.submit'],
  ['GET /health/live', 'no data'],
  ['GET /health', 'no data'],
  ['GET /health/ready', 'no data'],
]);

describe('access journal: every personal-data operation is journaled', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  it('the declarations are loaded with the app (the journal names their fields)', () => {
    const entities = personalDataDeclarations().map((d) => d.entity);
    expect(entities).toEqual(expect.arrayContaining(['Participant', 'Consent', 'ParticipantBaseEntry', 'QuestionnaireLink', 'QuestionnaireResponse']));
  });

  it('every query, mutation and field resolver returning a declared entity is journaled for it', () => {
    const storage = TypeMetadataStorage as unknown as { getQueriesMetadata(): Operation[]; getMutationsMetadata(): Operation[] };
    const fieldResolvers = (Reflect.get(TypeMetadataStorage, 'fieldResolvers') as Operation[] | undefined) ?? [];
    const operations = [...storage.getQueriesMetadata(), ...storage.getMutationsMetadata(), ...fieldResolvers];
    expect(operations.length).toBeGreaterThan(50);
    const missing: string[] = [];
    let journaled = 0;
    for (const op of operations) {
      // A field resolver without a type of its own resolves a field of its object type, whose type is that field's.
      const returned = unwrap(op.typeFn ? op.typeFn() : fieldTypeOf(op));
      const entity = containedEntity(returned, 3);
      if (!entity) continue;
      const method: unknown = Reflect.get(op.target.prototype as object, op.methodName);
      const options = journaledOptionsOf(method);
      const name = `${op.target.name}.${op.methodName} (${op.schemaName ?? op.methodName}: ${entity})`;
      if (!options) missing.push(`${name}: not @Journaled`);
      else if (entityNameOf(options) !== entity) missing.push(`${name}: journaled as ${entityNameOf(options)}`);
      else journaled += 1;
    }
    expect(missing).toEqual([]);
    expect(journaled).toBeGreaterThan(20);
  });

  it('every journaled entity and field has its Russian name (the journal shows no English type or property names)', () => {
    const storage = TypeMetadataStorage as unknown as { getQueriesMetadata(): Operation[]; getMutationsMetadata(): Operation[] };
    const fieldResolvers = (Reflect.get(TypeMetadataStorage, 'fieldResolvers') as Operation[] | undefined) ?? [];
    const container = (api.app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: AnyClass }> }> } }).container;
    const methods = [
      ...[...storage.getQueriesMetadata(), ...storage.getMutationsMetadata(), ...fieldResolvers].map((op) => ownMethod(op.target.prototype, op.methodName)),
      ...[...container.getModules().values()].flatMap((module) =>
        [...module.controllers.values()].flatMap(({ metatype }) => Object.getOwnPropertyNames(metatype.prototype).map((key) => ownMethod(metatype.prototype, key))),
      ),
    ];
    const entities = new Set(methods.map(journaledOptionsOf).flatMap((options) => (options ? [entityNameOf(options)] : [])).filter((e): e is string => !!e));
    expect(entities.size).toBeGreaterThan(10);
    // …and every entity a `journal.record({ … entity: '…' })` of the sources names.
    for (const file of sourceFiles(join(ROOT, 'libs'))) {
      for (const call of readFileSync(file, 'utf8').matchAll(/journal\.record\(\{[^}]*?entity: '(\w+)'/g)) entities.add(call[1]);
    }
    expect(entities).toContain('SchoolContingent');
    expect([...entities].filter((entity) => !journalEntityTitleOf(entity))).toEqual([]);
    for (const declaration of personalDataDeclarations()) {
      expect(declaration.title).toMatch(/[а-яё]/i);
      for (const field of declaration.fields) expect(`${declaration.entity}.${field.property}: ${field.title}`).toMatch(/: .*[а-яё]/i);
    }
  });

  it('every REST route a curator may call is journaled or touches no personal data', () => {
    const container = (api.app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: AnyClass }> }> } }).container;
    const missing: string[] = [];
    for (const module of container.getModules().values()) {
      for (const { metatype } of module.controllers.values()) {
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        for (const key of Object.getOwnPropertyNames(metatype.prototype)) {
          const method: unknown = Reflect.get(metatype.prototype as object, key);
          if (key === 'constructor' || typeof method !== 'function' || Reflect.getMetadata(PATH_METADATA, method) === undefined) continue;
          const verb = RequestMethod[Reflect.getMetadata(METHOD_METADATA, method) as number];
          const subs = ([] as unknown[]).concat(Reflect.getMetadata(PATH_METADATA, method)).map(String);
          const routes = subs.map((sub) => `${verb} /${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'));
          if (journaledOptionsOf(method) || routes.every((route) => ROUTES_WITHOUT_PERSONAL_DATA.has(route))) continue;
          const roles = (Reflect.getMetadata(ROLES_KEY, method) as string[] | undefined) ?? [];
          const isPublic = Reflect.getMetadata(PUBLIC_KEY, method) === true;
          if (isPublic || roles.includes('curator') || roles.length === 0) missing.push(routes.join(', '));
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

const ROOT = join(__dirname, '..', '..', '..');

/** Every TypeScript source under `dir` (specs and node_modules aside). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A method of a prototype, never a getter run on it. */
function ownMethod(prototype: unknown, key: string): unknown {
  let target = prototype as object | null;
  while (target) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor) return descriptor.value;
    target = Object.getPrototypeOf(target) as object | null;
  }
  return undefined;
}

/** The declared entity the type is, or holds in a field (a result that wraps a list of them), to `depth` levels. */
function containedEntity(type: unknown, depth: number): string | null {
  const own = personalDataEntityOf(type);
  if (own || depth === 0 || typeof type !== 'function') return own;
  for (const field of TypeMetadataStorage.getObjectTypeMetadataByTarget(type as new () => unknown)?.properties ?? []) {
    const inner = containedEntity(unwrap(field.typeFn()), depth - 1);
    if (inner) return inner;
  }
  return null;
}

function fieldTypeOf(op: Operation & { objectTypeFn?: () => AnyClass }): unknown {
  const objectType = op.objectTypeFn?.();
  const fields = objectType ? (TypeMetadataStorage.getObjectTypeMetadataByTarget(objectType as new () => unknown)?.properties ?? []) : [];
  const field = fields.find((f) => f.name === (op.schemaName ?? op.methodName));
  return field?.typeFn();
}

function unwrap(type: unknown): unknown {
  return Array.isArray(type) ? unwrap(type[0]) : type;
}
