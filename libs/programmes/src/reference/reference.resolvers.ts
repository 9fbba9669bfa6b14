import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import type { ReferenceEntry } from './reference.entities';
import {
  MEETING_TYPES, MENTEE_INTERESTS, MENTORING_DIRECTIONS, MENTORING_FORMATS, MENTORING_FORMS, PROGRAMME_STAGES, type ReferenceCreate, type ReferenceKind, type ReferenceUpdate,
  ROLE_MODELS,
} from './reference.kinds';
import { ReferenceService } from './reference.service';

/** Reference data is read by every signed-in role and written by the platform admin only. */
const READERS = ['platform-admin', 'ministry-official', 'region-analyst', 'curator'] as const;

/**
 * The resolver of one kind of reference data: list, count, one entry, create, update, under the
 * names its kind gives (`allMentoringForms`, `_allMentoringFormsMeta`, `MentoringForm`,
 * `createMentoringForm`, `updateMentoringForm`). One service serves every kind, told which.
 */
export function referenceResolver<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>>(kind: ReferenceKind<T, C, U>) {
  const { entity, names } = kind;

  @Resolver(() => entity)
  class ReferenceResolver extends crudResolver({
    entity,
    names,
    listArgs: kind.inputs.list,
    create: kind.inputs.create,
    update: kind.inputs.update,
    roles: { read: READERS, write: ['platform-admin'] },
    descriptions: { list: names.description },
    service: ReferenceService,
    operations: (refs) => ({
      list: (args, filter) => refs.list(entity, args, filter),
      count: (filter) => refs.count(entity, filter),
      get: (id) => refs.get(entity, id),
      create: (input: C) => refs.create(kind, input),
      update: (id: string, input: U) => refs.update(kind, id, input),
    }),
  }) {}

  Object.defineProperty(ReferenceResolver, 'name', { value: `${names.one}Resolver` });
  return ReferenceResolver;
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
