import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ExtractFormat, ReportKind, ReportStatus } from '../report-file.entity';
import { IsReportingPeriod } from '@nastavnik/platform/graphql/validators';


@ArgsType()
export class RequestSchoolReportArgs {
  @Field({ description: 'Учебный год, например 2022/2023' })
  @IsReportingPeriod()
  period!: string;

  @Field(() => ID, { nullable: true, description: 'Организация; по умолчанию своя' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор организации.' })
  tenantId?: string;
}

@ArgsType()
export class RequestRegionReportArgs {
  @Field()
  @IsReportingPeriod()
  period!: string;

  @Field(() => ID, { nullable: true, description: 'Регион или муниципалитет; по умолчанию свой' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор региона или муниципалитета.' })
  parentId?: string;

  @Field(() => [String], { nullable: true, description: 'Коды показателей; по умолчанию T1–T4' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Укажите хотя бы один показатель.' })
  @ArrayMaxSize(8, { message: 'Не больше восьми показателей в одном отчёте.' })
  @IsString({ each: true, message: 'Код показателя — строка.' })
  codes?: string[];
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

  @Field()
  @IsReportingPeriod()
  period!: string;

  @Field(() => ID, { nullable: true, description: 'Регион; без него — свой регион, а для федерального уровня — все регионы' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор региона.' })
  regionId?: string;

  @Field(() => ExtractFormat, { defaultValue: 'xlsx' })
  @IsEnum(ExtractFormat, { message: 'Формат выгрузки: XLSX или CSV.' })
  format: ExtractFormat = 'xlsx';
}

@InputType()
export class ReportFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ReportKind, { nullable: true })
  @IsOptional()
  @IsEnum(ReportKind, { message: 'Неизвестный вид отчёта.' })
  kind?: ReportKind;

  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReportStatus, { message: 'Неизвестное состояние.' })
  status?: ReportStatus;
}

@ArgsType()
export class ReportListArgs extends ListArgs {
  @Field(() => ReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFilter)
  filter?: ReportFilter;
}
