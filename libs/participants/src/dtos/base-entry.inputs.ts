import { ArgsType, Field, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { allOf, BoolField, EnumField, FilterField, FilterIdsField, IdField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Nullable } from '@nastavnik/platform/graphql/validators';
import { BaseKind, BaseStatus, InfoSource, ParticipantCategory, TrainingForm } from '../participant.codes';
import { ISO_DATE, NoControlChars, Tidy } from './input-helpers';

export const BASE_KIND = 'База: наставников или наставляемых.';
export const BASE_STATUS = 'Неизвестное состояние в базе.';

/** A date `YYYY-MM-DD` of a step in the base (the service refuses one in the future); `null` clears it. */
function StepDateField(label: string, description?: string): PropertyDecorator {
  return allOf(Field(() => String, { nullable: true, description }), Nullable(), Matches(ISO_DATE, { message: `${label} — в формате ГГГГ-ММ-ДД.` }));
}

/** A curator's notes on the person: at most `max` characters; `null` clears them. */
const NotesField = (label: string, max = 2000, description?: string) => TextField(label, 0, max, { nullable: true, description });

@InputType({ description: 'Включение участника в базу наставников или наставляемых' })
export class CreateBaseEntryInput {
  @IdField('Участник') participantId!: string;
  @EnumField(BaseKind, BASE_KIND) base!: BaseKind;
  @EnumField(BaseStatus, BASE_STATUS, { nullable: true, description: 'По умолчанию — потенциальный участник' }) status?: BaseStatus | null;
  @StepDateField('Дата включения', 'Дата включения в базу (по умолчанию сегодня)') includedOn?: string | null;
  @StepDateField('Дата анкетирования') surveyedOn?: string | null;
  @StepDateField('Дата отбора') selectedOn?: string | null;
  @StepDateField('Дата обучения') trainedOn?: string | null;
  @StepDateField('Дата включения в пару') pairedOn?: string | null;
  @StepDateField('Дата завершения') finishedOn?: string | null;
  @StepDateField('Дата выбытия') withdrawnOn?: string | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Причина выбытия должна быть строкой.' })
  @Length(1, 1000, { message: 'Причина выбытия — от 1 до 1000 символов.' })
  @NoControlChars({ message: 'Текст не должен содержать управляющих символов.' })
  withdrawalReason?: string | null;

  @Field(() => [ParticipantCategory], { nullable: true })
  @Nullable()
  @ArrayMaxSize(14, { message: 'Слишком много категорий.' })
  @IsEnum(ParticipantCategory, { each: true, message: 'Неизвестная категория.' })
  categories?: ParticipantCategory[] | null;

  @NotesField('Запрос', 2000, 'Запрос наставляемого') request?: string | null;
  @NotesField('Компетенции', 2000, 'Компетенции и возможности наставника') competencies?: string | null;
  @NotesField('Мотивация') motivation?: string | null;

  @Field(() => [InfoSource], { nullable: true })
  @Nullable()
  @ArrayMaxSize(10, { message: 'Слишком много источников сведений.' })
  @IsEnum(InfoSource, { each: true, message: 'Неизвестный источник сведений.' })
  infoSources?: InfoSource[] | null;

  @NotesField('Сведения третьих лиц') thirdPartyNotes?: string | null;
  @NotesField('Итог собеседования') interviewResult?: string | null;
  @BoolField('Психологическая готовность', { nullable: true }) psychReady?: boolean | null;
  @EnumField(TrainingForm, 'Форма обучения: очно, дистанционно или индивидуально.', { nullable: true }) trainingForm?: TrainingForm | null;

  @Field(() => Int, { nullable: true, description: 'Сколько наставляемых может взять (1–30)' })
  @Nullable()
  @IsInt({ message: 'Число наставляемых — целое от 1 до 30.' })
  @Min(1, { message: 'Число наставляемых — от 1 до 30.' })
  @Max(30, { message: 'Число наставляемых — от 1 до 30.' })
  maxMentees?: number | null;

  @BoolField('Членство в совете наставников', { nullable: true }) councilMember?: boolean | null;
  @NotesField('Поощрения') awards?: string | null;
  @NotesField('Итоги', 4000) results?: string | null;
  @BoolField('Удовлетворённость', { nullable: true }) satisfied?: boolean | null;
}

@InputType({ description: 'Изменение записи в базе; участник и база неизменны' })
export class UpdateBaseEntryInput extends PartialType(OmitType(CreateBaseEntryInput, ['participantId', 'base'] as const), InputType) {}

@InputType({ description: 'Отбор записей баз' })
export class BaseEntryFilter {
  @FilterIdsField() ids?: string[];
  @IdField('Участник', { optional: true }) participantId?: string;
  @EnumField(BaseKind, BASE_KIND, { optional: true }) base?: BaseKind;
  @EnumField(BaseStatus, BASE_STATUS, { optional: true }) status?: BaseStatus;
}

@ArgsType()
export class BaseEntryListArgs extends ListArgs {
  @FilterField(() => BaseEntryFilter) filter?: BaseEntryFilter;
}
