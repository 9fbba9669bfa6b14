import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ImportFormat = { XLSX: 'xlsx', CSV: 'csv' } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'Формат файла загрузки',
  valuesMap: { XLSX: { description: 'Книга Excel (.xlsx), первый лист' }, CSV: { description: 'CSV в кодировке UTF-8, разделитель «;», «,» или табуляция' } },
});

@ObjectType('ImportProblem', { description: 'Ошибка в строке файла' })
export class ImportProblem {
  @Field(() => Int, { description: 'Номер строки файла (1 — строка заголовков)' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'Столбец' })
  column?: string | null;

  @Field()
  message!: string;
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

  @Field(() => [ImportProblem])
  errors!: ImportProblem[];

  @Field({ description: 'Пробная загрузка: ничего не записано' })
  dryRun!: boolean;

  @Field({ description: 'Данные записаны (нет ошибок и это не пробная загрузка)' })
  committed!: boolean;
}
