import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, Matches } from 'class-validator';
import { EnumField, FilterField, FilterIdsField, IdField, NestedField, ReportingPeriodField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ExtractFormat, ReportKind, ReportStatus } from '../report-file.entity';

@ArgsType()
export class RequestSchoolReportArgs {
  @ReportingPeriodField({ description: 'Учебный год, например 2022/2023' }) period!: string;
  @IdField('Организация', { optional: true, description: 'Организация; по умолчанию своя' }) tenantId?: string;
}

@ArgsType()
export class RequestRegionReportArgs {
  @ReportingPeriodField() period!: string;
  @IdField('Регион или муниципалитет', { optional: true, description: 'Регион или муниципалитет; по умолчанию свой' }) parentId?: string;

  @Field(() => [String], { nullable: true, description: 'Коды показателей; по умолчанию T1–T4' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Укажите хотя бы один показатель.' })
  @ArrayMaxSize(8, { message: 'Не больше восьми показателей в одном отчёте.' })
  @IsString({ each: true, message: 'Код показателя — строка.' })
  codes?: string[];
}

/**
 * Who compiled an extract, for its title block (docs/adr/0037): typed on the «Выгрузки» page (the
 * name filled in from the account). Personal data: kept only in the request's row and its file.
 */
@InputType('ExtractCompilerInput', { description: 'Составитель выгрузки (печатается в реквизитах формы)' })
export class ExtractCompilerInput {
  @TextField('Составитель (Ф. И. О.)', 1, 200) name!: string;
  @TextField('Должность составителя', 1, 200) position!: string;

  @Field({ description: 'Контактный телефон составителя' })
  @IsString({ message: 'Телефон составителя: ожидается текст.' })
  @Matches(/^\+?[0-9][0-9 ()-]{4,38}$/, { message: 'Телефон составителя: цифры, пробелы, скобки, дефисы, от 5 до 40 символов.' })
  phone!: string;
}

@ArgsType()
export class RequestExtractArgs {
  @Field({ description: 'Код формы, например MENTORING-R145' })
  @IsString({ message: 'Укажите код формы.' })
  formCode!: string;

  @Field({ nullable: true, description: 'Версия формы; без неё — версия, действующая в указанном учебном году' })
  @IsOptional()
  @Matches(/^[0-9]{1,4}$/, { message: 'Версия формы — число, например 1.' })
  formVersion?: string;

  @ReportingPeriodField() period!: string;
  @IdField('Регион', { optional: true, description: 'Регион; без него — свой регион, а для федерального уровня — все регионы' }) regionId?: string;

  @Field(() => ExtractFormat, { defaultValue: 'xlsx' })
  @IsEnum(ExtractFormat, { message: 'Формат выгрузки: XLSX или CSV.' })
  format: ExtractFormat = 'xlsx';

  @NestedField(() => ExtractCompilerInput, { optional: true, description: 'Составитель, его должность и телефон — для реквизитов формы' })
  compiler?: ExtractCompilerInput;
}

@InputType()
export class ReportFilter {
  @FilterIdsField() ids?: string[];
  @EnumField(ReportKind, 'Неизвестный вид отчёта.', { optional: true }) kind?: ReportKind;
  @EnumField(ReportStatus, 'Неизвестное состояние.', { optional: true }) status?: ReportStatus;
}

@ArgsType()
export class ReportListArgs extends ListArgs {
  @FilterField(() => ReportFilter) filter?: ReportFilter;
}
