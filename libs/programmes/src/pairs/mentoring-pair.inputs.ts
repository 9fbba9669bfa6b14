import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { DateField, IdField, TextField } from '../common/input-decorators';
import { FormationMethod, PairEndReason, PairStatus } from './mentoring-pair.entity';
import { Nullable } from '@nastavnik/platform/graphql/validators';

export const MAX_GROUP_SIZE = 30;

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

  @IdField('Ролевая модель', { optional: true }) roleModelId?: string | null;
  @IdField('Направление', { optional: true }) directionId?: string | null;

  @Field(() => FormationMethod, { nullable: true })
  @Nullable()
  @IsEnum(FormationMethod, { message: 'Неизвестный способ формирования пары.' })
  formationMethod?: FormationMethod | null;

  @IdField('Приказ о закреплении', { optional: true }) fixingOrderId?: string | null;
}

@InputType({ description: 'Изменение пары (группы); состояние меняется отдельно (changeMentoringPairStatus)' })
export class UpdateMentoringPairInput extends PartialType(OmitType(CreateMentoringPairInput, ['programmeId'] as const), { skipNullProperties: false }) {
  @TextField('Итоги работы', 0, 4000, { optional: true }) result?: string | null;
  @TextField('Комментарий к завершению', 0, 2000, { optional: true }) endComment?: string | null;
}

@InputType({ description: 'Переход пары в другое состояние' })
export class ChangePairStatusInput {
  @Field(() => PairStatus)
  @IsEnum(PairStatus, { message: 'Неизвестное состояние пары.' })
  status!: PairStatus;

  @DateField('Дата', { optional: true, description: 'Дата начала (для «Действует») или окончания; по умолчанию — сегодня' }) date?: string | null;

  @Field(() => PairEndReason, { nullable: true, description: 'Причина — обязательна при досрочном прекращении' })
  @Nullable()
  @IsEnum(PairEndReason, { message: 'Неизвестная причина прекращения.' })
  endReason?: PairEndReason | null;

  @TextField('Комментарий', 0, 2000, { optional: true }) comment?: string | null;
  @TextField('Итоги работы', 0, 4000, { optional: true }) result?: string | null;
}

@InputType({ description: 'Отбор пар и групп' })
export class MentoringPairFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор программы.' })
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Участник — наставник или наставляемый' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор наставника.' })
  mentorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор направления.' })
  directionId?: string;

  @Field(() => PairStatus, { nullable: true })
  @IsOptional()
  @IsEnum(PairStatus, { message: 'Неизвестное состояние пары.' })
  status?: PairStatus;
}

@ArgsType()
export class MentoringPairListArgs extends ListArgs {
  @Field(() => MentoringPairFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentoringPairFilter)
  filter?: MentoringPairFilter;
}
