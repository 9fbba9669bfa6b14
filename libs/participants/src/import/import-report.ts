import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImportColumnSource } from './column-layout';
import { ImportField } from './import-fields';

export const ImportFormat = { XLSX: 'xlsx', CSV: 'csv' } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'Формат файла загрузки',
  valuesMap: {
    XLSX: { description: 'Книга Excel (.xlsx), первый лист' },
    CSV: { description: 'CSV в кодировке UTF-8 (с BOM или без), Windows-1251 или UTF-16 («Текст Юникод»); разделитель «;», «,» или табуляция' },
  },
});

registerEnumType(ImportColumnSource, {
  name: 'ImportColumnSource',
  description: 'Откуда известно, что в столбце',
  valuesMap: {
    TABLE: { description: 'Название столбца есть в таблице названий загрузки' },
    SAVED: { description: 'Сопоставление, запомненное для организации' },
    GIVEN: { description: 'Сопоставление, переданное с этой загрузкой' },
  },
});

@ObjectType('ImportProblem', { description: 'Ошибка в строке файла' })
export class ImportProblem {
  @Field(() => Int, { description: 'Номер строки, как его показывает Excel (строки над заголовками тоже считаются)' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'Столбец, как он назван в файле' })
  column?: string | null;

  @Field()
  message!: string;
}

@ObjectType('ImportTitleLine', { description: 'Строка над строкой заголовков (название списка), пропущенная при загрузке' })
export class ImportTitleLine {
  @Field(() => Int)
  line!: number;

  @Field()
  text!: string;
}

@ObjectType('ImportColumn', { description: 'Столбец файла и поле, в которое он загружается' })
export class ImportColumn {
  @Field({ description: 'Буква столбца: A, B, …' })
  letter!: string;

  @Field({ description: 'Название столбца в файле' })
  heading!: string;

  @Field(() => ImportField, { nullable: true, description: 'Поле; пусто — столбец неизвестен' })
  field!: ImportField | null;

  @Field(() => ImportColumnSource, { nullable: true })
  source!: ImportColumnSource | null;

  @Field(() => [String], { description: 'Несколько значений из первых строк' })
  samples!: string[];
}

@ObjectType('ImportReport', { description: 'Итог загрузки участников' })
export class ImportReport {
  @Field(() => Int, { description: 'Строк с данными в файле' })
  rows!: number;

  @Field(() => Int, { description: 'Добавлено (при пробной загрузке — будет добавлено)' })
  created!: number;

  @Field(() => Int, { description: 'Обновлено (будет обновлено)' })
  updated!: number;

  @Field(() => Int, { description: 'Без изменений' })
  unchanged!: number;

  @Field(() => Int, { description: 'Строк с ошибками (не загружаются)' })
  rejected!: number;

  @Field(() => [ImportProblem])
  errors!: ImportProblem[];

  @Field({ description: 'Пробная загрузка: ничего не записано' })
  dryRun!: boolean;

  @Field({ description: 'Данные записаны: все строки, или только верные, если так попросили (commitValid)' })
  committed!: boolean;

  @Field(() => Int, { description: 'Номер строки заголовков' })
  headerLine!: number;

  @Field(() => [ImportTitleLine], { description: 'Строки над заголовками, пропущенные как название списка' })
  titleLines!: ImportTitleLine[];

  @Field(() => [ImportColumn], { description: 'Как прочитан каждый столбец' })
  columns!: ImportColumn[];

  @Field(() => String, { nullable: true, description: 'Кодировка файла CSV (для XLSX пусто)' })
  encoding!: string | null;

  @Field(() => String, { nullable: true, description: 'Разделитель файла CSV (для XLSX пусто)' })
  delimiter!: string | null;
}

@ObjectType('ImportColumnMapping', { description: 'Запомненное сопоставление столбца файла с полем участника (для организации)' })
export class ImportColumnMapping {
  @Field({ description: 'Название столбца, как его написал куратор' })
  heading!: string;

  @Field(() => ImportField)
  field!: ImportField;

  @Field()
  updatedAt!: Date;
}

/** What the mapping step needs (REST `POST /participants/import/columns`): how the file's columns are read, and the fields to choose from. */
export type ImportLayout = {
  headerLine: number;
  titleLines: ImportTitleLine[];
  columns: ImportColumn[];
  /** Why the file cannot be loaded as it is mapped now (unknown, repeated, missing columns); empty when it can. */
  problems: string[];
  rows: number;
  encoding: string | null;
  delimiter: string | null;
  fields: { field: ImportField; heading: string; hint: string }[];
};
