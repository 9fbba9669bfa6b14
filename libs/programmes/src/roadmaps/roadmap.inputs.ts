import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { AcademicYearField, DateField, IdField, IntField, TenantIdField, TextField, TextListField } from '../common/input-decorators';
import { IsAcademicYear } from '../common/validators';
import { RoadmapItemStatus } from './roadmap.entity';

@InputType({ description: 'Новая дорожная карта организации на учебный год' })
export class CreateRoadmapInput {
  @TenantIdField() tenantId?: string | null;
  @TextField('Наименование', 1, 500) title!: string;
  @AcademicYearField() academicYear!: string;
  @TextField('Период действия', 0, 100, { optional: true, description: 'Как в документе, например «2023–2026»' }) periodText?: string | null;
  @IdField('Приказ об утверждении', { optional: true }) approvalOrderId?: string | null;
}

@InputType({ description: 'Изменение дорожной карты' })
export class UpdateRoadmapInput extends PartialType(OmitType(CreateRoadmapInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор дорожных карт' })
export class RoadmapFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsAcademicYear()
  academicYear?: string;
}

@ArgsType()
export class RoadmapListArgs extends ListArgs {
  @Field(() => RoadmapFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoadmapFilter)
  filter?: RoadmapFilter;
}

@InputType({ description: 'Новое мероприятие дорожной карты' })
export class CreateRoadmapItemInput {
  @IdField('Дорожная карта') roadmapId!: string;
  @TextField('№ п/п', 1, 20) number!: string;
  @IntField('Порядок', 0, 100000, { optional: true, description: 'Порядок в карте; по умолчанию — в конец' }) position?: number;
  @IdField('Этап', { optional: true }) stageId?: string | null;
  @TextField('Мероприятие', 1, 2000) activity!: string;
  @TextListField('Содержание деятельности') content?: string[];
  @TextField('Сроки', 0, 500, { optional: true, description: 'Сроки — как в документе («до 15 апреля 2023 года., далее – по мере необходимости»)' }) scheduleText?: string | null;
  @DateField('Плановое начало', { optional: true }) plannedStart?: string | null;
  @DateField('Плановое окончание', { optional: true }) plannedEnd?: string | null;
  @TextField('Ответственный', 0, 500, { optional: true }) responsible?: string | null;

  @Field(() => RoadmapItemStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RoadmapItemStatus, { message: 'Исполнение: запланировано, выполняется, выполнено или не выполнено.' })
  status?: RoadmapItemStatus;

  @TextField('Результат исполнения', 0, 8000, { optional: true }) executionResult?: string | null;
  @DateField('Дата исполнения', { optional: true }) executedOn?: string | null;
}

@InputType({ description: 'Изменение мероприятия' })
export class UpdateRoadmapItemInput extends PartialType(OmitType(CreateRoadmapItemInput, ['roadmapId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор мероприятий' })
export class RoadmapItemFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор дорожной карты.' })
  roadmapId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор этапа.' })
  stageId?: string;

  @Field(() => RoadmapItemStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RoadmapItemStatus, { message: 'Неизвестное состояние исполнения.' })
  status?: RoadmapItemStatus;
}

@ArgsType()
export class RoadmapItemListArgs extends ListArgs {
  @Field(() => RoadmapItemFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoadmapItemFilter)
  filter?: RoadmapItemFilter;
}
