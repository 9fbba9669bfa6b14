import { Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { allOf, type FieldOptions, IdField, presence } from '@nastavnik/platform/graphql/input-fields';
import { CLEAN_TEXT_MESSAGE, IsCleanText, IsNotBlank } from '@nastavnik/platform/graphql/validators';

/*
 * The field decorators only this lib's inputs use; the ones every lib shares (ids, texts, dates,
 * numbers, enums, filters) are in platform/graphql/input-fields.ts.
 */

/** A list of short texts (tasks, expected results, content items). */
export function TextListField(label: string, options: FieldOptions & { maxItems?: number; maxLength?: number } = {}): PropertyDecorator {
  const maxItems = options.maxItems ?? 50;
  const maxLength = options.maxLength ?? 2000;
  return allOf(
    Field(() => [String], { nullable: true, description: options.description }),
    ...presence(options),
    IsArray({ message: `${label}: ожидается список.` }),
    ArrayMaxSize(maxItems, { message: `${label} — не больше ${maxItems} пунктов.` }),
    IsString({ each: true, message: `${label}: каждый пункт — текст.` }),
    Length(1, maxLength, { each: true, message: `${label}: каждый пункт — от 1 до ${maxLength} символов.` }),
    IsNotBlank({ each: true, message: `${label}: пустой пункт.` }),
    IsCleanText({ each: true, message: `${label}: ${CLEAN_TEXT_MESSAGE.toLowerCase()}` }),
  );
}

/** The organisation of a new top-level record: only the platform admin names it. */
export function TenantIdField(): PropertyDecorator {
  return IdField('Организация', { nullable: true, description: 'Организация — указывает только администратор платформы; куратору — своя' });
}
