import { applyDecorators, Inject, type Type } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import type { AppRole } from '../auth/principal';
import { Journaled, personalDataEntityOf } from '../personal-data/journal';
import { type ListArgs, ListMetadata, type Page } from './list-args';
import { UuidPipe } from './uuid.pipe';

/** A resource's list arguments: react-admin's page and sort, and its own filter. */
export type CrudListArgs = ListArgs & { filter?: unknown };

/**
 * What the generated operations call. A service that has these methods is used as it is; one that
 * names them otherwise (`listTasks`, a kind passed first, …) is adapted by `operations`.
 */
export type CrudOperations<T, A extends CrudListArgs, C, U> = {
  list(args: A, filter: A['filter']): Promise<T[] | Page<T>>;
  count(filter: A['filter']): Promise<number>;
  get(id: string): Promise<T>;
  create(input: C): Promise<T>;
  update(id: string, input: U): Promise<T>;
  remove(id: string): Promise<T>;
};

/** The calls a resource needs: the reads, and the writes it has. */
type NeededOperations<T, A extends CrudListArgs, C, U, D extends boolean> = Pick<CrudOperations<T, A, C, U>, 'list' | 'count' | 'get'> &
  ([C] extends [never] ? unknown : Pick<CrudOperations<T, A, C, U>, 'create'>) &
  ([U] extends [never] ? unknown : Pick<CrudOperations<T, A, C, U>, 'update'>) &
  ([D] extends [true] ? Pick<CrudOperations<T, A, C, U>, 'remove'> : unknown);

export type CrudResolverOptions<T, A extends CrudListArgs, C, U, D extends boolean> = {
  /** The GraphQL object type of the resource. */
  entity: Type<T>;
  /** The operations are `all<many>`, `_all<many>Meta`, `<one>`, `create<one>`, `update<one>`, `delete<one>`. */
  names: { many: string; one: string };
  listArgs: Type<A>;
  /** The input of `create<one>`; without it the resource has no create. */
  create?: Type<C>;
  /** The input of `update<one>`; without it the resource has no update. */
  update?: Type<U>;
  /** Whether the resource has `delete<one>`. */
  delete?: D;
  /** Who may call the reads (list, count, one) and the writes (create, update, delete). */
  roles: { read: readonly AppRole[]; write?: readonly AppRole[] };
  descriptions?: { list?: string; create?: string; update?: string; delete?: string };
};

/** What a generated resolver gives the class that extends it: the resource's service. */
export abstract class CrudResolverHost<S> {
  constructor(protected readonly service: S) {}
}

/**
 * The base of a resource's resolver, with react-admin's operations under the names it expects:
 * `all<many>` (a page of the list), `_all<many>Meta` (its count), `<one>` (one record by id) and,
 * where the resource has them, `create<one>`, `update<one>`, `delete<one>`. The resource's resolver
 * extends it, adds its own operations and field resolvers, and reaches its service as `service`:
 *
 *   @Resolver(() => MeetingEntity)
 *   export class MeetingResolver extends crudResolver({ entity: MeetingEntity, … }) {}
 *
 * A subclass that needs more providers declares a constructor whose first parameter is the service
 * and passes it to `super`.
 */
export function crudResolver<T extends object, A extends CrudListArgs, S extends NeededOperations<T, A, C, U, D>, C = never, U = never, D extends boolean = false>(
  options: CrudResolverOptions<T, A, C, U, D> & { service: Type<S>; operations?: undefined },
): abstract new (service: S) => CrudResolverHost<S>;
/** The same over a service that names its calls otherwise: `operations` maps them. */
export function crudResolver<T extends object, A extends CrudListArgs, S extends object, C = never, U = never, D extends boolean = false>(
  options: CrudResolverOptions<T, A, C, U, D> & { service: Type<S>; operations: (service: S) => NeededOperations<T, A, C, U, D> },
): abstract new (service: S) => CrudResolverHost<S>;
export function crudResolver<T extends object, A extends CrudListArgs, S extends object, C, U, D extends boolean>(
  options: CrudResolverOptions<T, A, C, U, D> & { service: Type<S>; operations?: (service: S) => NeededOperations<T, A, C, U, D> },
): abstract new (service: S) => CrudResolverHost<S> {
  const { entity, names, listArgs, roles, descriptions = {} } = options;
  const has = { create: options.create !== undefined, update: options.update !== undefined, remove: options.delete === true };
  const writers = roles.write ?? [];
  // Without roles the guard lets any signed-in role through: refuse to build such a resolver.
  if (!roles.read.length || ((has.create || has.update || has.remove) && !writers.length)) {
    throw new Error(`crudResolver(${names.one}): the reads, and the writes it has, need their roles.`);
  }
  // A resource whose type declares personal data (personal-data.ts) journals every read and write of it (docs/adr/0023).
  let declared: string | null | undefined;
  const journaled = (): string | null => {
    if (declared === undefined) declared = personalDataEntityOf(entity);
    return declared;
  };
  const needed = ['list', 'count', 'get', ...(has.create ? ['create'] : []), ...(has.update ? ['update'] : []), ...(has.remove ? ['remove'] : [])];

  @Resolver({ isAbstract: true })
  abstract class CrudResolver extends CrudResolverHost<S> {
    private readonly crud: CrudOperations<T, A, C, U>;

    constructor(@Inject(options.service) service: S) {
      super(service);
      const crud: object = options.operations ? options.operations(service) : service;
      if (!provides<CrudOperations<T, A, C, U>>(crud, needed)) {
        throw new Error(`crudResolver(${names.one}): the service lacks ${needed.filter((method) => typeof Reflect.get(crud, method) !== 'function').join(', ')}.`);
      }
      this.crud = crud;
    }

    @Roles(...roles.read)
    @Query(() => [entity], { name: `all${names.many}`, description: descriptions.list })
    @Journaled({ entity: journaled, action: 'read', operation: `all${names.many}` })
    async list(@Args({ type: () => listArgs }) args: A): Promise<T[]> {
      const found = await this.crud.list(args, args.filter);
      return Array.isArray(found) ? found : found.items;
    }

    @Roles(...roles.read)
    @Query(() => ListMetadata, { name: `_all${names.many}Meta` })
    async count(@Args({ type: () => listArgs }) args: A): Promise<ListMetadata> {
      return { count: await this.crud.count(args.filter) };
    }

    @Roles(...roles.read)
    @Query(() => entity, { name: names.one })
    @Journaled({ entity: journaled, action: 'read', operation: names.one })
    one(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<T> {
      return this.crud.get(id);
    }

    @OnlyIf(has.create, Roles(...writers), Mutation(() => entity, { name: `create${names.one}`, description: descriptions.create }))
    @Journaled({ entity: journaled, action: 'create', operation: `create${names.one}`, input: 0 })
    create(@InputArg(options.create) input: C): Promise<T> {
      return this.crud.create(input);
    }

    @OnlyIf(has.update, Roles(...writers), Mutation(() => entity, { name: `update${names.one}`, description: descriptions.update }))
    @Journaled({ entity: journaled, action: 'update', operation: `update${names.one}`, input: 1 })
    update(@Args('id', { type: () => ID }, UuidPipe) id: string, @InputArg(options.update) input: U): Promise<T> {
      return this.crud.update(id, input);
    }

    @OnlyIf(has.remove, Roles(...writers), Mutation(() => entity, { name: `delete${names.one}`, description: descriptions.delete }))
    @Journaled({ entity: journaled, action: 'delete', operation: `delete${names.one}`, records: (result, args) => withId(result, args[0]) })
    remove(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<T> {
      return this.crud.remove(id);
    }
  }

  // Decorator metadata cannot name a type parameter, so it would say `Object`, and the input pipe
  // validates each argument against the class recorded here: record the resource's classes.
  parameterTypes(CrudResolver, 'list', [listArgs]);
  parameterTypes(CrudResolver, 'count', [listArgs]);
  if (options.create) parameterTypes(CrudResolver, 'create', [options.create]);
  else Reflect.deleteProperty(CrudResolver.prototype, 'create');
  if (options.update) parameterTypes(CrudResolver, 'update', [String, options.update]);
  else Reflect.deleteProperty(CrudResolver.prototype, 'update');
  if (!has.remove) Reflect.deleteProperty(CrudResolver.prototype, 'remove');
  Object.defineProperty(CrudResolver, 'name', { value: `${names.one}CrudResolver` });
  return CrudResolver;
}

/** A write operation's decorators when the resource has it; none when it does not (its method is then removed). */
function OnlyIf(given: boolean, ...decorators: MethodDecorator[]): MethodDecorator {
  return given ? applyDecorators(...decorators) : () => undefined;
}

/** `@Args('input')` of the resource's input class, where it has one. */
function InputArg(input: Type<unknown> | undefined): ParameterDecorator {
  return input ? Args('input', { type: () => input }) : () => undefined;
}

/** A deleted record keeps its id in the journal even when the removal cleared it from the object returned. */
function withId(result: unknown, id: unknown): unknown {
  return typeof result === 'object' && result !== null ? { ...result, id: Reflect.get(result, 'id') ?? id } : result;
}

function provides<O extends object>(target: object, methods: readonly string[]): target is O {
  return methods.every((method) => typeof Reflect.get(target, method) === 'function');
}

function parameterTypes(host: abstract new (...args: never[]) => object, method: string, types: readonly unknown[]): void {
  Reflect.defineMetadata('design:paramtypes', types, host.prototype, method);
}
