import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { DateField, IdField, IdListField, IntField, TextField } from '../common/input-decorators';
import { IsCalendarDate } from '../common/validators';

@InputType({ description: 'Новая встреча: пары (укажите pairId) или всей программы (укажите programmeId)' })
export class CreateMeetingInput {
  @IdField('Программа', { optional: true, description: 'Для встречи всех участников программы' }) programmeId?: string | null;
  @IdField('Пара (группа)', { optional: true, description: 'Для встречи пары (группы)' }) pairId?: string | null;
  @IdField('Вид встречи') meetingTypeId!: string;
  @IdField('Направление', { optional: true, description: 'По умолчанию — направление пары' }) directionId?: string | null;
  @DateField('Дата встречи') heldOn!: string;
  @IntField('Продолжительность, минут', 1, 1440, { optional: true }) durationMinutes?: number | null;
  @TextField('Тема', 0, 1000, { optional: true }) topic?: string | null;
  @TextField('Заметки', 0, 8000, { optional: true }) notes?: string | null;
  @IdListField('Присутствовали', { maxItems: 500, description: 'По умолчанию для встречи пары — наставник и все наставляемые' }) attendeeIds?: string[];
}

@InputType({ description: 'Изменение встречи; пара и программа не меняются' })
export class UpdateMeetingInput extends PartialType(OmitType(CreateMeetingInput, ['programmeId', 'pairId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор встреч' })
export class MeetingFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор программы.' })
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор пары.' })
  pairId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор вида встречи.' })
  meetingTypeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор направления.' })
  directionId?: string;

  @Field({ nullable: true, description: 'С даты (ГГГГ-ММ-ДД)' })
  @IsOptional()
  @IsCalendarDate({ message: 'С даты: дата в формате ГГГГ-ММ-ДД.' })
  heldFrom?: string;

  @Field({ nullable: true, description: 'По дату (ГГГГ-ММ-ДД)' })
  @IsOptional()
  @IsCalendarDate({ message: 'По дату: дата в формате ГГГГ-ММ-ДД.' })
  heldTo?: string;
}

@ArgsType()
export class MeetingListArgs extends ListArgs {
  @Field(() => MeetingFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingFilter)
  filter?: MeetingFilter;
}
