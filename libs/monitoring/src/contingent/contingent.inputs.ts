import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString } from 'class-validator';
import { AcademicYearField, FilterField, FilterIdsField, IdField, IntField, NestedListField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ImportFormat } from '@nastavnik/participants/import/import-report';
import { CONTINGENT_MAX_AGE, CONTINGENT_MIN_AGE, MAX_PUPILS_PER_AGE, MAX_TEACHERS } from './contingent.types';

@InputType('ContingentAgeInput', { description: 'Обучающиеся одного возраста на 1 сентября' })
export class ContingentAgeInput {
  @IntField('Возраст', CONTINGENT_MIN_AGE, CONTINGENT_MAX_AGE, { description: 'Полных лет на 1 сентября' }) age!: number;
  @IntField('Обучающихся этого возраста', 0, MAX_PUPILS_PER_AGE) pupils!: number;
}

const AGES = { maxItems: CONTINGENT_MAX_AGE - CONTINGENT_MIN_AGE + 1 };

@InputType({ description: 'Контингент организации за учебный год' })
export class CreateSchoolContingentInput {
  @AcademicYearField({ description: 'Учебный год, например 2022/2023' }) schoolYear!: string;
  @NestedListField('Обучающиеся по возрасту', () => ContingentAgeInput, { ...AGES, description: 'Обучающиеся по возрасту на 1 сентября; каждый возраст — один раз' }) ages!: ContingentAgeInput[];
  @IntField('Педагогические работники', 0, MAX_TEACHERS) teachers!: number;
  @IdField('Организация', { nullable: true, description: 'Организация — для регионального аналитика и администратора платформы' }) tenantId?: string | null;
}

@InputType({ description: 'Изменение контингента' })
export class UpdateSchoolContingentInput {
  @NestedListField('Обучающиеся по возрасту', () => ContingentAgeInput, { ...AGES, optional: true, description: 'Обучающиеся по возрасту на 1 сентября (заменяют прежние)' }) ages?: ContingentAgeInput[];
  @IntField('Педагогические работники', 0, MAX_TEACHERS, { optional: true }) teachers?: number;
}

@InputType({ description: 'Отбор контингентов' })
export class SchoolContingentFilter {
  @FilterIdsField() ids?: string[];
  @AcademicYearField({ optional: true }) schoolYear?: string;
  @IdField('Организация', { optional: true }) tenantId?: string;
}

@ArgsType()
export class SchoolContingentListArgs extends ListArgs {
  @FilterField(() => SchoolContingentFilter) filter?: SchoolContingentFilter;
}

@ArgsType()
export class ImportSchoolContingentsArgs {
  @Field({ description: 'Содержимое файла в base64 (XLSX или CSV, не больше 1,5 МБ)' })
  @IsString({ message: 'Передайте содержимое файла в base64.' })
  file!: string;

  @Field(() => ImportFormat)
  @IsEnum(ImportFormat, { message: 'Формат файла: XLSX или CSV.' })
  format!: ImportFormat;

  @Field({ description: 'Пробная загрузка: проверить и показать итог, ничего не записывая' })
  @IsBoolean({ message: 'dryRun: true или false.' })
  dryRun!: boolean;

  @AcademicYearField({ nullable: true, description: 'Учебный год строк без столбца «Учебный год»' })
  schoolYear?: string | null;
}

@ArgsType()
export class ContingentTemplateArgs {
  @Field({ description: 'Шаблон региона (строка на организацию, с кодом) — иначе шаблон школы' })
  @IsBoolean({ message: 'region: true или false.' })
  region!: boolean;
}
