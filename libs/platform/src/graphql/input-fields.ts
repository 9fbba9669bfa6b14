import { Field, ID, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CLEAN_TEXT_MESSAGE, IsAcademicYear, IsCalendarDate, IsCleanText, IsNotBlank, IsReportingPeriod, Nullable } from './validators';

/*
 * Field + validation decorators that every lib's inputs share, so that an input reads as a list of
 * fields and each rule has one Russian message, naming the field as the console labels it
 * (`«Программа: некорректный идентификатор.»`). Built on validators.ts.
 */

/** Whether a field may be left out, and what an explicit `null` in it means. */
export type Presence = {
  /** The field may be left out; a `null` is the same as leaving it out. */
  optional?: boolean;
  /** The field may be left out, and an explicit `null` clears the value (`@Nullable()`). */
  nullable?: boolean;
};

export type FieldOptions = Presence & { description?: string };

/** An input class that class-transformer can build (no constructor arguments). */
export type InputClass = new () => object;

/** Applies the decorators in order, as if each were written on the property. */
export function allOf(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `@Nullable()`, `@IsOptional()` or nothing (a required field). */
export function presence(options: Presence): PropertyDecorator[] {
  if (options.nullable) return [Nullable()];
  return options.optional ? [IsOptional()] : [];
}

/** The GraphQL side of a field: nullable in the schema whenever the input may leave it out. */
function schemaOptions(options: FieldOptions): { nullable: boolean; description?: string } {
  return { nullable: !!(options.optional || options.nullable), description: options.description };
}

const cleanText = (label: string) => IsCleanText({ message: `${label}: ${CLEAN_TEXT_MESSAGE.toLowerCase()}` });

/** An id of another record. */
export function IdField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(() => ID, schemaOptions(options)), ...presence(options), IsUUID('all', { message: `${label}: некорректный идентификатор.` }));
}

/** A list of ids of other records (`maxItems`: at most that many). */
export function IdListField(label: string, options: FieldOptions & { maxItems?: number } = {}): PropertyDecorator {
  return allOf(
    Field(() => [ID], schemaOptions(options)),
    ...presence(options),
    IsArray({ message: `${label}: ожидается список.` }),
    ...(options.maxItems === undefined ? [] : [ArrayMaxSize(options.maxItems, { message: `${label} — не больше ${options.maxItems}.` })]),
    IsUUID('all', { each: true, message: `${label}: некорректный идентификатор в списке.` }),
  );
}

/** The `ids` of a list filter (react-admin's getMany): any number of ids. */
export function FilterIdsField(): PropertyDecorator {
  return IdListField('Отбор по ids', { optional: true });
}

/** The `q` of a list filter: a text to look for. */
export function SearchField(description: string): PropertyDecorator {
  return TextField('Строка поиска', 0, 200, { optional: true, description });
}

/**
 * A one-line text of `min..max` characters; a required one (`min > 0`) must show something
 * besides spaces and invisible characters.
 */
export function TextField(label: string, min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return allOf(
    Field(() => String, schemaOptions(options)),
    ...presence(options),
    IsString({ message: `${label}: ожидается текст.` }),
    min > 0 ? Length(min, max, { message: `${label} — от ${min} до ${max} символов.` }) : MaxLength(max, { message: `${label} — не длиннее ${max} символов.` }),
    ...(min > 0 ? [IsNotBlank({ message: `${label}: заполните поле.` })] : []),
    cleanText(label),
  );
}

/** A date `YYYY-MM-DD` between 2000 and 2100. */
export function DateField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return allOf(
    Field(() => String, { ...schemaOptions(options), description: options.description ?? `${label} (ГГГГ-ММ-ДД)` }),
    ...presence(options),
    IsCalendarDate({ message: `${label}: дата в формате ГГГГ-ММ-ДД между 2000 и 2100 годом.` }),
  );
}

/** Учебный год «2022/2023». */
export function AcademicYearField(options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(() => String, schemaOptions(options)), ...presence(options), IsAcademicYear());
}

/** The school year of indicators and reports (validators.ts: from 2015/2016 to the next one). */
export function ReportingPeriodField(options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(() => String, schemaOptions(options)), ...presence(options), IsReportingPeriod());
}

/** An integer `min..max`. */
export function IntField(label: string, min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  const message = `${label} — целое число от ${min} до ${max}.`;
  return allOf(Field(() => Int, schemaOptions(options)), ...presence(options), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

/** Yes or no. */
export function BoolField(label: string, options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(() => Boolean, schemaOptions(options)), ...presence(options), IsBoolean({ message: `${label} — да или нет.` }));
}

/** One value of a GraphQL enum; `message` lists what may be chosen, once per enum. */
export function EnumField(values: object, message: string, options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(() => values, schemaOptions(options)), ...presence(options), IsEnum(values, { message }));
}

/** A nested input (a list filter, an options object): validated with its own rules. */
export function NestedField(type: () => InputClass, options: FieldOptions = {}): PropertyDecorator {
  return allOf(Field(type, schemaOptions(options)), ...presence(options), ValidateNested(), Type(type));
}

/** The `filter` of a list's arguments. */
export function FilterField(type: () => InputClass): PropertyDecorator {
  return NestedField(type, { optional: true });
}

/** A list of nested inputs of at most `maxItems`, each validated with its own rules. */
export function NestedListField(label: string, type: () => InputClass, options: FieldOptions & { maxItems: number }): PropertyDecorator {
  return allOf(
    Field(() => [type()], schemaOptions(options)),
    ...presence(options),
    IsArray({ message: `${label}: ожидается список.` }),
    ArrayMaxSize(options.maxItems, { message: `${label} — не больше ${options.maxItems}.` }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/**
 * Registers a string-literal enum (`{ KEY: 'value' } as const`) as the GraphQL enum that enum
 * fields hold, each value with its description — keyed like the enum, so none is left out.
 */
export function describeEnum<E extends Record<string, string>>(values: E, name: string, description: string, valueDescriptions: Readonly<Record<keyof E, string>>): void {
  const valuesMap = Object.fromEntries(Object.entries(valueDescriptions).map(([key, text]) => [key, { description: text }]));
  registerEnumType<Record<string, string>>(values, { name, description, valuesMap });
}
