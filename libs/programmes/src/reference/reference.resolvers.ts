import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListArgs, ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import type { ReferenceFilter } from '../dtos/reference.inputs';
import type { ReferenceEntry } from './reference.entities';
import {
  MEETING_TYPES, MENTEE_INTERESTS, MENTORING_DIRECTIONS, MENTORING_FORMATS, MENTORING_FORMS, PROGRAMME_STAGES, type ReferenceCreate, type ReferenceKind, type ReferenceUpdate,
  ROLE_MODELS,
} from './reference.kinds';
import { ReferenceService } from './reference.service';

/** Reference data is read by every signed-in role and written by the platform admin only. */
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

type ListArgsOf = ListArgs & { filter?: ReferenceFilter };

/**
 * The resolver of one kind of reference data: list, count, one entry, create, update, under the
 * names its kind gives (`allMentoringForms`, `_allMentoringFormsMeta`, `MentoringForm`,
 * `createMentoringForm`, `updateMentoringForm`).
 */
export function referenceResolver<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>>(kind: ReferenceKind<T, C, U>) {
  const { entity, names } = kind;

  @Resolver(() => entity)
  class ReferenceResolver {
    constructor(private readonly refs: ReferenceService) {}

    @Roles(...READERS)
    @Query(() => [entity], { name: `all${names.many}`, description: names.description })
    list(@Args({ type: () => kind.inputs.list }) args: ListArgsOf): Promise<T[]> {
      return this.refs.list(entity, args, args.filter);
    }

    @Roles(...READERS)
    @Query(() => ListMetadata, { name: `_all${names.many}Meta` })
    async count(@Args({ type: () => kind.inputs.list }) args: ListArgsOf): Promise<ListMetadata> {
      return { count: await this.refs.count(entity, args.filter) };
    }

    @Roles(...READERS)
    @Query(() => entity, { name: names.one })
    one(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<T> {
      return this.refs.get(entity, id);
    }

    @Roles('platform-admin')
    @Mutation(() => entity, { name: `create${names.one}` })
    create(@Args('input', { type: () => kind.inputs.create }) input: C): Promise<T> {
      return this.refs.create(kind, input);
    }

    @Roles('platform-admin')
    @Mutation(() => entity, { name: `update${names.one}` })
    update(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input', { type: () => kind.inputs.update }) input: U): Promise<T> {
      return this.refs.update(kind, id, input);
    }
  }

  // Decorator metadata cannot name a type parameter, so it would say `Object`, and the input pipe
  // validates each argument against the class recorded here: record the kind's classes.
  parameterTypes(ReferenceResolver, 'list', [kind.inputs.list]);
  parameterTypes(ReferenceResolver, 'count', [kind.inputs.list]);
  parameterTypes(ReferenceResolver, 'create', [kind.inputs.create]);
  parameterTypes(ReferenceResolver, 'update', [String, kind.inputs.update]);
  Object.defineProperty(ReferenceResolver, 'name', { value: `${names.one}Resolver` });
  return ReferenceResolver;
}

function parameterTypes(host: abstract new (...args: never[]) => object, method: string, types: readonly unknown[]): void {
  Reflect.defineMetadata('design:paramtypes', types, host.prototype, method);
}

export const REFERENCE_RESOLVERS = [
  referenceResolver(MENTORING_FORMS),
  referenceResolver(ROLE_MODELS),
  referenceResolver(MENTORING_FORMATS),
  referenceResolver(MENTORING_DIRECTIONS),
  referenceResolver(MENTEE_INTERESTS),
  referenceResolver(MEETING_TYPES),
  referenceResolver(PROGRAMME_STAGES),
];
