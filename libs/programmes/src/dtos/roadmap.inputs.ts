import { ArgsType, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { AcademicYearField, DateField, EnumField, FilterField, IdField, IntField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantIdField, TextListField } from '../common/input-decorators';
import { RoadmapItemStatus } from '../roadmaps/roadmap.entity';
import { BaseFilter } from './base-filter.input';
import { ACADEMIC_YEAR_DESCRIPTION } from './programme.inputs';

const ITEM_STATUS = 'Исполнение: запланировано, выполняется, выполнено или не выполнено.';

@InputType({ description: 'Новая дорожная карта организации на учебный год' })
export class CreateRoadmapInput {
  @TenantIdField() tenantId?: string | null;
  @TextField('Наименование', 1, 500) title!: string;
  @AcademicYearField({ description: ACADEMIC_YEAR_DESCRIPTION }) academicYear!: string;
  @TextField('Период действия', 0, 100, { nullable: true, description: 'Как в документе, например «2023–2026»' }) periodText?: string | null;
  @IdField('Приказ об утверждении', { nullable: true }) approvalOrderId?: string | null;
}

@InputType({ description: 'Изменение дорожной карты' })
export class UpdateRoadmapInput extends PartialType(OmitType(CreateRoadmapInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор дорожных карт' })
export class RoadmapFilter extends BaseFilter {
  @AcademicYearField({ optional: true }) academicYear?: string;
}

@ArgsType()
export class RoadmapListArgs extends ListArgs {
  @FilterField(() => RoadmapFilter) filter?: RoadmapFilter;
}

@InputType({ description: 'Новое мероприятие дорожной карты' })
export class CreateRoadmapItemInput {
  @IdField('Дорожная карта') roadmapId!: string;
  @TextField('№ п/п', 1, 20) number!: string;
  @IntField('Порядок', 0, 100000, { nullable: true, description: 'Порядок в карте; по умолчанию — в конец' }) position?: number;
  @IdField('Этап', { nullable: true }) stageId?: string | null;
  @TextField('Мероприятие', 1, 2000) activity!: string;
  @TextListField('Содержание деятельности', { nullable: true }) content?: string[];
  @TextField('Сроки', 0, 500, { nullable: true, description: 'Сроки — как в документе («до 15 апреля 2023 года., далее – по мере необходимости»)' }) scheduleText?: string | null;
  @DateField('Плановое начало', { nullable: true }) plannedStart?: string | null;
  @DateField('Плановое окончание', { nullable: true }) plannedEnd?: string | null;
  @TextField('Ответственный', 0, 500, { nullable: true }) responsible?: string | null;
  @EnumField(RoadmapItemStatus, ITEM_STATUS, { optional: true }) status?: RoadmapItemStatus;
  @TextField('Результат исполнения', 0, 8000, { nullable: true }) executionResult?: string | null;
  @DateField('Дата исполнения', { nullable: true }) executedOn?: string | null;
}

@InputType({ description: 'Изменение мероприятия' })
export class UpdateRoadmapItemInput extends PartialType(OmitType(CreateRoadmapItemInput, ['roadmapId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор мероприятий' })
export class RoadmapItemFilter extends BaseFilter {
  @IdField('Дорожная карта', { optional: true }) roadmapId?: string;
  @IdField('Этап', { optional: true }) stageId?: string;
  @EnumField(RoadmapItemStatus, ITEM_STATUS, { optional: true }) status?: RoadmapItemStatus;
}

@ArgsType()
export class RoadmapItemListArgs extends ListArgs {
  @FilterField(() => RoadmapItemFilter) filter?: RoadmapItemFilter;
}
