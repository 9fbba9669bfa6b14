import { ConflictException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import type { DeepPartial, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import {
  CreateMeetingTypeInput, CreateMenteeInterestInput, CreateMentoringDirectionInput, CreateMentoringFormatInput, CreateMentoringFormInput, CreateProgrammeStageInput,
  CreateRoleModelInput, MeetingTypeListArgs, MentoringDirectionListArgs, type ReferenceFilter, ReferenceListArgs, RoleModelListArgs, UpdateMeetingTypeInput,
  UpdateMenteeInterestInput, UpdateMentoringDirectionInput, UpdateMentoringFormatInput, UpdateMentoringFormInput, UpdateProgrammeStageInput, UpdateRoleModelInput,
} from '../dtos/reference.inputs';
import {
  MeetingTypeEntity, MenteeInterestEntity, MentoringDirectionEntity, MentoringFormatEntity, MentoringFormEntity, ProgrammeStageEntity, type ReferenceEntry, RoleModelEntity,
} from './reference.entities';

export type ReferenceClass<T extends ReferenceEntry> = new () => T;

/** What a create input must be: a partial entity with the entry's permanent code. */
export type ReferenceCreate<T extends ReferenceEntry> = DeepPartial<T> & { code: string };

/** What an update input must be: a partial entity (its code never changes). */
export type ReferenceUpdate<T extends ReferenceEntry> = QueryDeepPartialEntity<T>;

/**
 * One kind of reference data, described once: its entity and how messages name an entry, the
 * rules across fields that class-validator cannot see one field at a time, and its GraphQL
 * surface (the inputs and the names of its five operations). `T` is the entity, `C` and `U` the
 * create and update inputs, which must be partial entities so that they are written as they are.
 */
export type ReferenceKind<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>> = {
  entity: ReferenceClass<T>;
  /** One entry, as a curator calls it: «Форма наставничества». */
  label: string;
  check?: (em: EntityManager, input: C | U, current: T | null) => Promise<void>;
  /** GraphQL: `all<many>` (described as `description`), `_all<many>Meta`, `<one>`, `create<one>`, `update<one>`. */
  names: { one: string; many: string; description: string };
  inputs: { create: new () => C; update: new () => U; list: new () => ListArgs & { filter?: ReferenceFilter } };
};

/** Builds a kind, checking at its definition that the inputs fit the entity. */
function kind<T extends ReferenceEntry, C extends ReferenceCreate<T>, U extends ReferenceUpdate<T>>(definition: ReferenceKind<T, C, U>): ReferenceKind<T, C, U> {
  return definition;
}

export const MENTORING_FORMS = kind({
  entity: MentoringFormEntity, label: 'Форма наставничества',
  names: { one: 'MentoringForm', many: 'MentoringForms', description: 'Формы наставничества' },
  inputs: { create: CreateMentoringFormInput, update: UpdateMentoringFormInput, list: ReferenceListArgs },
  check: async (_em, input, current) => {
    const min = input.menteeMinAge !== undefined ? input.menteeMinAge : current?.menteeMinAge;
    const max = input.menteeMaxAge !== undefined ? input.menteeMaxAge : current?.menteeMaxAge;
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      throw new ValidationFailedException('Наименьший возраст наставляемого больше наибольшего.');
    }
  },
});

export const ROLE_MODELS = kind({
  entity: RoleModelEntity, label: 'Ролевая модель',
  names: { one: 'RoleModel', many: 'RoleModels', description: 'Ролевые модели' },
  inputs: { create: CreateRoleModelInput, update: UpdateRoleModelInput, list: RoleModelListArgs },
  check: async (em, input) => {
    if (typeof input.formId === 'string' && !(await em.existsBy(MentoringFormEntity, { id: input.formId }))) {
      throw new ValidationFailedException('Форма наставничества не найдена.');
    }
  },
});

export const MENTORING_FORMATS = kind({
  entity: MentoringFormatEntity, label: 'Вид наставничества',
  names: { one: 'MentoringFormat', many: 'MentoringFormats', description: 'Виды наставничества' },
  inputs: { create: CreateMentoringFormatInput, update: UpdateMentoringFormatInput, list: ReferenceListArgs },
});

export const MENTORING_DIRECTIONS = kind({
  entity: MentoringDirectionEntity, label: 'Направление наставничества',
  names: { one: 'MentoringDirection', many: 'MentoringDirections', description: 'Направления наставничества' },
  inputs: { create: CreateMentoringDirectionInput, update: UpdateMentoringDirectionInput, list: MentoringDirectionListArgs },
});

export const MENTEE_INTERESTS = kind({
  entity: MenteeInterestEntity, label: 'Область интересов',
  names: { one: 'MenteeInterest', many: 'MenteeInterests', description: 'Области интересов наставляемых' },
  inputs: { create: CreateMenteeInterestInput, update: UpdateMenteeInterestInput, list: ReferenceListArgs },
});

export const MEETING_TYPES = kind({
  entity: MeetingTypeEntity, label: 'Вид встречи',
  names: { one: 'MeetingType', many: 'MeetingTypes', description: 'Виды встреч' },
  inputs: { create: CreateMeetingTypeInput, update: UpdateMeetingTypeInput, list: MeetingTypeListArgs },
});

export const PROGRAMME_STAGES = kind({
  entity: ProgrammeStageEntity, label: 'Этап',
  names: { one: 'ProgrammeStage', many: 'ProgrammeStages', description: 'Этапы реализации целевой модели' },
  inputs: { create: CreateProgrammeStageInput, update: UpdateProgrammeStageInput, list: ReferenceListArgs },
  check: async (em, input, current) => {
    if (typeof input.number !== 'number') return;
    const taken = await em.findOneBy(ProgrammeStageEntity, { number: input.number });
    if (taken && taken.id !== current?.id) throw new ConflictException(`Этап с номером ${input.number} уже есть: «${taken.title}».`);
  },
});

export const REFERENCE_KINDS = [MENTORING_FORMS, ROLE_MODELS, MENTORING_FORMATS, MENTORING_DIRECTIONS, MENTEE_INTERESTS, MEETING_TYPES, PROGRAMME_STAGES] as const;
