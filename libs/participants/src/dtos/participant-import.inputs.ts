import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID } from 'class-validator';
import { Nullable } from '@nastavnik/platform/graphql/validators';
import { BoolField, EnumField, IdField, NestedListField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ImportField } from '../import/import-fields';
import { ImportFormat } from '../import/import-report';

@InputType('ImportColumnMappingInput', { description: 'Столбец файла и поле участника, в которое он загружается' })
export class ImportColumnMappingInput {
  @TextField('Название столбца', 1, 200, { description: 'Название столбца, как в файле («Столбец C» — для столбца с данными без названия)' })
  heading!: string;

  @EnumField(ImportField, 'Поле столбца: одно из значений ImportField (IGNORE — не загружать).')
  field!: ImportField;
}

@ArgsType()
export class ImportParticipantsArgs {
  @Field({ description: 'Содержимое файла в base64 (не больше 1,5 МБ и 5000 строк)' })
  @IsString({ message: 'Передайте содержимое файла в base64.' })
  file!: string;

  @Field(() => ImportFormat)
  @IsEnum(ImportFormat, { message: 'Формат файла: XLSX или CSV.' })
  format!: ImportFormat;

  @Field({ description: 'Пробная загрузка: проверить и показать итог, ничего не записывая' })
  @IsBoolean({ message: 'dryRun: true или false.' })
  dryRun!: boolean;

  @Field(() => ID, { nullable: true, description: 'Организация — только для администратора платформы' })
  @Nullable()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string | null;

  @NestedListField('Сопоставление столбцов', () => ImportColumnMappingInput, {
    optional: true,
    maxItems: 60,
    description: 'Что содержат столбцы, которых нет в таблице названий (или иначе, чем там сказано); загруженное сопоставление запоминается для организации',
  })
  mapping?: ImportColumnMappingInput[] | null;

  @BoolField('Загрузить верные строки', {
    optional: true,
    description: 'Записать верные строки, даже если в других есть ошибки (частичная загрузка; ошибочные строки — в errors). По умолчанию файл загружается только целиком',
  })
  commitValid?: boolean | null;
}

@ArgsType()
export class ImportMappingArgs {
  @IdField('Организация', { optional: true, description: 'Организация — только для администратора платформы' })
  tenantId?: string | null;
}
