import { ArgsType, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { DateField, FilterField, IdField, IdListField, IntField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { BaseFilter } from './base-filter.input';

@InputType({ description: 'Новая встреча: пары (укажите pairId) или всей программы (укажите programmeId)' })
export class CreateMeetingInput {
  @IdField('Программа', { nullable: true, description: 'Для встречи всех участников программы' }) programmeId?: string | null;
  @IdField('Пара (группа)', { nullable: true, description: 'Для встречи пары (группы)' }) pairId?: string | null;
  @IdField('Вид встречи') meetingTypeId!: string;
  @IdField('Направление', { nullable: true, description: 'По умолчанию — направление пары' }) directionId?: string | null;
  @DateField('Дата встречи') heldOn!: string;
  @IntField('Продолжительность, минут', 1, 1440, { nullable: true }) durationMinutes?: number | null;
  @TextField('Тема', 0, 1000, { nullable: true }) topic?: string | null;
  @TextField('Заметки', 0, 8000, { nullable: true }) notes?: string | null;
  @IdListField('Присутствовали', { nullable: true, maxItems: 500, description: 'По умолчанию для встречи пары — наставник и все наставляемые' }) attendeeIds?: string[];
}

@InputType({ description: 'Изменение встречи; пара и программа не меняются' })
export class UpdateMeetingInput extends PartialType(OmitType(CreateMeetingInput, ['programmeId', 'pairId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор встреч' })
export class MeetingFilter extends BaseFilter {
  @IdField('Программа', { optional: true }) programmeId?: string;
  @IdField('Пара', { optional: true }) pairId?: string;
  @IdField('Вид встречи', { optional: true }) meetingTypeId?: string;
  @IdField('Направление', { optional: true }) directionId?: string;
  @DateField('С даты', { optional: true }) heldFrom?: string;
  @DateField('По дату', { optional: true }) heldTo?: string;
}

@ArgsType()
export class MeetingListArgs extends ListArgs {
  @FilterField(() => MeetingFilter) filter?: MeetingFilter;
}
