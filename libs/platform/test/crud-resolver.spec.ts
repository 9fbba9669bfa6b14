import { NestFactory } from '@nestjs/core';
import { ArgsType, Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ID, InputType, ObjectType, Resolver } from '@nestjs/graphql';
import { type GraphQLField, type GraphQLSchema, printType } from 'graphql';
import { ROLES_KEY } from '../src/auth/auth.decorators';
import { crudResolver } from '../src/graphql/crud-resolver';
import { ListArgs, type Page } from '../src/graphql/list-args';

/*
 * The factory builds its methods over type parameters, which decorator metadata cannot name: the
 * argument classes are recorded by hand so that the input pipe validates the real input classes
 * (not `Object`, which it would let through), and each operation carries the roles of its kind.
 * apps/api/test/schema.spec.ts checks the product's schema as a whole; this checks one made-up
 * resource of each sort.
 */

@ObjectType('Gadget')
class GadgetEntity {
  @Field(() => ID) id!: string;
  @Field() title!: string;
}

@InputType()
class GadgetFilter {
  @Field({ nullable: true }) q?: string;
}

@ArgsType()
class GadgetListArgs extends ListArgs {
  @Field(() => GadgetFilter, { nullable: true }) filter?: GadgetFilter;
}

@InputType()
class CreateGadgetInput {
  @Field() title!: string;
}

@InputType()
class UpdateGadgetInput {
  @Field({ nullable: true }) title?: string;
}

const gadget = (id: string): GadgetEntity => Object.assign(new GadgetEntity(), { id, title: `#${id}` });

class GadgetService {
  readonly calls: unknown[][] = [];
  async list(args: ListArgs, filter?: GadgetFilter): Promise<GadgetEntity[]> {
    this.calls.push(['list', args.perPage, filter]);
    return [gadget('1')];
  }
  async count(filter?: GadgetFilter): Promise<number> {
    this.calls.push(['count', filter]);
    return 7;
  }
  async get(id: string): Promise<GadgetEntity> {
    return gadget(id);
  }
  async create(input: CreateGadgetInput): Promise<GadgetEntity> {
    return Object.assign(gadget('new'), input);
  }
  async update(id: string, input: UpdateGadgetInput): Promise<GadgetEntity> {
    return Object.assign(gadget(id), input);
  }
  async remove(id: string): Promise<GadgetEntity> {
    return gadget(id);
  }
}

/** A store that names its calls otherwise and pages its lists: reached through `operations`. */
class GadgetArchive {
  async page(): Promise<Page<GadgetEntity>> {
    return { items: [gadget('a'), gadget('b')] };
  }
  async total(): Promise<number> {
    return 2;
  }
  async find(id: string): Promise<GadgetEntity> {
    return gadget(id);
  }
}

const READERS = ['platform-admin', 'region-analyst', 'curator'] as const;
const WRITERS = ['curator'] as const;

@Resolver(() => GadgetEntity)
class GadgetResolver extends crudResolver({
  entity: GadgetEntity,
  names: { many: 'Gadgets', one: 'Gadget' },
  listArgs: GadgetListArgs,
  create: CreateGadgetInput,
  update: UpdateGadgetInput,
  delete: true,
  roles: { read: READERS, write: WRITERS },
  descriptions: { list: 'Все устройства', delete: 'Удаляет устройство' },
  service: GadgetService,
}) {}

@Resolver(() => GadgetEntity)
class ArchivedGadgetResolver extends crudResolver({
  entity: GadgetEntity,
  names: { many: 'ArchivedGadgets', one: 'ArchivedGadget' },
  listArgs: GadgetListArgs,
  roles: { read: READERS },
  service: GadgetArchive,
  operations: (archive) => ({ list: () => archive.page(), count: () => archive.total(), get: (id) => archive.find(id) }),
}) {}

const parameters = (resolver: abstract new (...args: never[]) => object, method: string): unknown => Reflect.getMetadata('design:paramtypes', resolver.prototype, method);
const roles = (resolver: abstract new (...args: never[]) => object, method: string): unknown => Reflect.getMetadata(ROLES_KEY, Reflect.get(resolver.prototype, method));
const call = (resolver: object, method: string, ...args: unknown[]): Promise<unknown> => Reflect.apply(Reflect.get(resolver, method), resolver, args);

describe('crudResolver: one factory for the list/count/one/create/update/delete resolvers', () => {
  it('records the real argument classes of every operation, so that the input pipe validates them', () => {
    expect(parameters(GadgetResolver, 'list')).toEqual([GadgetListArgs]);
    expect(parameters(GadgetResolver, 'count')).toEqual([GadgetListArgs]);
    expect(parameters(GadgetResolver, 'one')).toEqual([String]);
    expect(parameters(GadgetResolver, 'create')).toEqual([CreateGadgetInput]);
    expect(parameters(GadgetResolver, 'update')).toEqual([String, UpdateGadgetInput]);
    expect(parameters(GadgetResolver, 'remove')).toEqual([String]);
    expect(parameters(ArchivedGadgetResolver, 'list')).toEqual([GadgetListArgs]);
  });

  it('gives the reads the readers\' roles and the writes the writers\' roles', () => {
    for (const method of ['list', 'count', 'one']) expect(roles(GadgetResolver, method)).toEqual(READERS);
    for (const method of ['create', 'update', 'remove']) expect(roles(GadgetResolver, method)).toEqual(WRITERS);
    for (const method of ['list', 'count', 'one']) expect(roles(ArchivedGadgetResolver, method)).toEqual(READERS);
  });

  it('leaves out the writes a resource does not have, methods included', () => {
    for (const method of ['create', 'update', 'remove']) expect(method in ArchivedGadgetResolver.prototype).toBe(false);
  });

  it('builds the operations under react-admin\'s names, with their arguments and descriptions', async () => {
    const schema = await schemaOf([GadgetResolver, ArchivedGadgetResolver]);
    const query = schema.getQueryType()!;
    const mutation = schema.getMutationType()!;
    expect(Object.keys(query.getFields()).sort()).toEqual(['ArchivedGadget', 'Gadget', '_allArchivedGadgetsMeta', '_allGadgetsMeta', 'allArchivedGadgets', 'allGadgets']);
    expect(Object.keys(mutation.getFields()).sort()).toEqual(['createGadget', 'deleteGadget', 'updateGadget']);
    const listArgs = 'page: Int = 0, perPage: Int = 25, sortField: String, sortOrder: String = "ASC", filter: GadgetFilter';
    expect(signature(query.getFields().allGadgets)).toBe(`"Все устройства" allGadgets(${listArgs}): [Gadget!]!`);
    expect(signature(query.getFields()._allGadgetsMeta)).toBe(`_allGadgetsMeta(${listArgs}): ListMetadata!`);
    expect(signature(query.getFields().Gadget)).toBe('Gadget(id: ID!): Gadget!');
    expect(signature(mutation.getFields().createGadget)).toBe('createGadget(input: CreateGadgetInput!): Gadget!');
    expect(signature(mutation.getFields().updateGadget)).toBe('updateGadget(id: ID!, input: UpdateGadgetInput!): Gadget!');
    expect(signature(mutation.getFields().deleteGadget)).toBe('"Удаляет устройство" deleteGadget(id: ID!): Gadget!');
    expect(printType(schema.getType('ListMetadata')!)).toBe('type ListMetadata {\n  count: Int!\n}');
  });

  it('calls the service (or its adapter), passing the filter and unwrapping a page', async () => {
    const service = new GadgetService();
    const gadgets = new GadgetResolver(service);
    const args = Object.assign(new GadgetListArgs(), { perPage: 5, filter: { q: 'x' } });
    expect(await call(gadgets, 'list', args)).toEqual([gadget('1')]);
    expect(await call(gadgets, 'count', args)).toEqual({ count: 7 });
    expect(await call(gadgets, 'update', '42', { title: 'Новый' })).toEqual({ id: '42', title: 'Новый' });
    expect(service.calls).toEqual([['list', 5, { q: 'x' }], ['count', { q: 'x' }]]);
    const archived = new ArchivedGadgetResolver(new GadgetArchive());
    expect(await call(archived, 'list', new GadgetListArgs())).toEqual([gadget('a'), gadget('b')]);
  });

  it('refuses to build writes without roles, and a resolver over a service that lacks a call', () => {
    expect(() => crudResolver({ ...GADGET, create: CreateGadgetInput, roles: { read: READERS } })).toThrow(/roles/);
    expect(() => crudResolver({ ...GADGET, roles: { read: [] } })).toThrow(/roles/);
    const withoutRemove = new GadgetService();
    Reflect.set(withoutRemove, 'remove', undefined);
    expect(() => new GadgetResolver(withoutRemove)).toThrow('crudResolver(Gadget): the service lacks remove.');
  });
});

const GADGET = { entity: GadgetEntity, names: { many: 'Gadgets', one: 'Gadget' }, listArgs: GadgetListArgs, service: GadgetService };

async function schemaOf(resolvers: Parameters<GraphQLSchemaFactory['create']>[0]): Promise<GraphQLSchema> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return await app.get(GraphQLSchemaFactory).create(resolvers);
  } finally {
    await app.close();
  }
}

/** `"description" name(arguments): type`, as the schema prints it. */
function signature(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${JSON.stringify(a.defaultValue)}` : ''}`).join(', ');
  return `${field.description ? `"${field.description}" ` : ''}${field.name}${args ? `(${args})` : ''}: ${String(field.type)}`;
}
