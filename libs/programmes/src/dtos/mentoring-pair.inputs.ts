import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { DateField, EnumField, FilterField, IdField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { FormationMethod, PairEndReason, PairStatus } from '../pairs/mentoring-pair.entity';
import { BaseFilter } from './base-filter.input';

export const MAX_GROUP_SIZE = 30;

const PAIR_STATUS = 'Неизвестное состояние пары.';

@InputType({ description: 'Новая пара или группа (создаётся черновиком)' })
export class CreateMentoringPairInput {
  @IdField('Программа') programmeId!: string;
  @IdField('Наставник') mentorId!: string;

  @Field(() => [ID], { description: 'Наставляемые: один — пара, два и более — группа' })
  @IsArray({ message: 'Наставляемые: ожидается список.' })
  @ArrayMinSize(1, { message: 'Укажите хотя бы одного наставляемого.' })
  @ArrayMaxSize(MAX_GROUP_SIZE, { message: `В группе не больше ${MAX_GROUP_SIZE} наставляемых.` })
  @IsUUID('all', { each: true, message: 'Наставляемые: некорректный идентификатор в списке.' })
  menteeIds!: string[];

  @IdField('Ролевая модель', { nullable: true }) roleModelId?: string | null;
  @IdField('Направление', { nullable: true }) directionId?: string | null;
  @EnumField(FormationMethod, 'Неизвестный способ формирования пары.', { nullable: true }) formationMethod?: FormationMethod | null;
  @IdField('Приказ о закреплении', { nullable: true }) fixingOrderId?: string | null;
}

@InputType({ description: 'Изменение пары (группы); состояние меняется отдельно (changeMentoringPairStatus)' })
export class UpdateMentoringPairInput extends PartialType(OmitType(CreateMentoringPairInput, ['programmeId'] as const), { skipNullProperties: false }) {
  @TextField('Итоги работы', 0, 4000, { nullable: true }) result?: string | null;
  @TextField('Комментарий к завершению', 0, 2000, { nullable: true }) endComment?: string | null;
}

@InputType({ description: 'Переход пары в другое состояние' })
export class ChangePairStatusInput {
  @EnumField(PairStatus, PAIR_STATUS) status!: PairStatus;
  @DateField('Дата', { nullable: true, description: 'Дата начала (для «Действует») или окончания; по умолчанию — сегодня' }) date?: string | null;
  @EnumField(PairEndReason, 'Неизвестная причина прекращения.', { nullable: true, description: 'Причина — обязательна при досрочном прекращении' }) endReason?: PairEndReason | null;
  @TextField('Комментарий', 0, 2000, { nullable: true }) comment?: string | null;
  @TextField('Итоги работы', 0, 4000, { nullable: true }) result?: string | null;
}

@InputType({ description: 'Отбор пар и групп' })
export class MentoringPairFilter extends BaseFilter {
  @IdField('Программа', { optional: true }) programmeId?: string;
  @IdField('Участник', { optional: true, description: 'Участник — наставник или наставляемый' }) participantId?: string;
  @IdField('Наставник', { optional: true }) mentorId?: string;
  @IdField('Направление', { optional: true }) directionId?: string;
  @EnumField(PairStatus, PAIR_STATUS, { optional: true }) status?: PairStatus;
}

@ArgsType()
export class MentoringPairListArgs extends ListArgs {
  @FilterField(() => MentoringPairFilter) filter?: MentoringPairFilter;
}
