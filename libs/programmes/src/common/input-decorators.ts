import { Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsAcademicYear, IsCalendarDate, IsCleanText, IsNotBlank, Nullable } from './validators';

/*
 * Field + validation decorators shared by this lib's inputs, so that each input reads as a list
 * of fields. Every message is Russian and names the field the way the console labels it.
 */

const CLEAN = 'Текст не должен содержать управляющих символов.';

type Compose = (target: object, key: string | symbol) => void;
const all = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const optional = (nullable: boolean, ...rest: PropertyDecorator[]): Compose => all(...(nullable ? [Nullable()] : []), ...rest);

/** A required (or, with `optional`, nullable) one-line text of `min..max` characters. */
export function TextField(label: string, min: number, max: number, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const nullable = options.optional ?? false;
  return all(
    Field(() => String, { nullable, description: options.description }),
    optional(
      nullable,
      IsString({ message: `${label}: ожидается текст.` }),
      min > 0 ? Length(min, max, { message: `${label} — от ${min} до ${max} символов.` }) : MaxLength(max, { message: `${label} — не длиннее ${max} символов.` }),
      ...(min > 0 ? [IsNotBlank({ message: `${label}: заполните поле.` })] : []),
      IsCleanText({ message: `${label}: ${CLEAN.toLowerCase()}` }),
    ),
  );
}

/** A list of short texts (tasks, expected results, content items). */
export function TextListField(label: string, options: { maxItems?: number; maxLength?: number; description?: string } = {}): PropertyDecorator {
  const maxItems = options.maxItems ?? 50;
  const maxLength = options.maxLength ?? 2000;
  return all(
    Field(() => [String], { nullable: true, description: options.description }),
    Nullable(),
    IsArray({ message: `${label}: ожидается список.` }),
    ArrayMaxSize(maxItems, { message: `${label} — не больше ${maxItems} пунктов.` }),
    IsString({ each: true, message: `${label}: каждый пункт — текст.` }),
    Length(1, maxLength, { each: true, message: `${label}: каждый пункт — от 1 до ${maxLength} символов.` }),
    IsNotBlank({ each: true, message: `${label}: пустой пункт.` }),
    IsCleanText({ each: true, message: `${label}: ${CLEAN.toLowerCase()}` }),
  );
}

/** A date `YYYY-MM-DD`. */
export function DateField(label: string, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const nullable = options.optional ?? false;
  return all(
    Field(() => String, { nullable, description: options.description ?? `${label} (ГГГГ-ММ-ДД)` }),
    optional(nullable, IsCalendarDate({ message: `${label}: дата в формате ГГГГ-ММ-ДД между 2000 и 2100 годом.` })),
  );
}

/** An id of another record. */
export function IdField(label: string, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const nullable = options.optional ?? false;
  return all(
    Field(() => ID, { nullable, description: options.description }),
    optional(nullable, IsUUID('all', { message: `${label}: некорректный идентификатор.` })),
  );
}

/** A list of ids of other records. */
export function IdListField(label: string, options: { maxItems?: number; description?: string } = {}): PropertyDecorator {
  const maxItems = options.maxItems ?? 50;
  return all(
    Field(() => [ID], { nullable: true, description: options.description }),
    Nullable(),
    IsArray({ message: `${label}: ожидается список.` }),
    ArrayMaxSize(maxItems, { message: `${label} — не больше ${maxItems}.` }),
    IsUUID('all', { each: true, message: `${label}: некорректный идентификатор в списке.` }),
  );
}

/** An integer `min..max`. */
export function IntField(label: string, min: number, max: number, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  const nullable = options.optional ?? false;
  const message = `${label} — целое число от ${min} до ${max}.`;
  return all(
    Field(() => Int, { nullable, description: options.description }),
    optional(nullable, IsInt({ message }), Min(min, { message }), Max(max, { message })),
  );
}

/** Учебный год «2022/2023». */
export function AcademicYearField(options: { optional?: boolean } = {}): PropertyDecorator {
  const nullable = options.optional ?? false;
  return all(Field(() => String, { nullable, description: 'Учебный год, например «2022/2023»' }), optional(nullable, IsAcademicYear()));
}

/** The organisation of a new top-level record: only the platform admin names it. */
export function TenantIdField(): PropertyDecorator {
  return IdField('Организация', { optional: true, description: 'Организация — указывает только администратор платформы; куратору — своя' });
}
