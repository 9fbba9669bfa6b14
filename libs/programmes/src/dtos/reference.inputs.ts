import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  allOf, BoolField, EnumField, FilterField, FilterIdsField, IdField, IntField, SearchField, TextField,
} from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ParticipantKind } from '@nastavnik/participants/participant.codes';
import { TextListField } from '../common/input-decorators';
import { DirectionAudience, MeetingScope } from '../reference/reference.entities';

const CODE_MESSAGE = 'Код: от 1 до 40 символов — латинские буквы, цифры и «_».';
const AUDIENCE = 'Для кого направление: обучающиеся или педагоги.';
const SCOPE = 'Кто встречается: пара (группа) или все участники программы.';

/** Titles are stored without the spaces a curator left around them. */
const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** What every entry of the reference data has. */
@InputType({ isAbstract: true })
abstract class ReferenceInput {
  @Field()
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[A-Za-z0-9_]{1,40}$/, { message: CODE_MESSAGE })
  code!: string;

  @TextField('Наименование', 1, 1000) @Trimmed() title!: string;
  @IntField('Порядок', 0, 100000, { optional: true }) sortOrder?: number;
  @BoolField('Признак «используется»', { optional: true }) isActive?: boolean;
}

const LongText = (label: string) => TextField(label, 0, 4000, { optional: true });
const TextList = (label: string) => TextListField(label, { optional: true });
const Age = (label: string) => IntField(label, 5, 100, { optional: true });
const Source = () => TextField('Источник', 0, 500, { nullable: true });

/** Who may take a role in a form: at least one category of participants. */
function Kinds(label: string): PropertyDecorator {
  return allOf(
    Field(() => [ParticipantKind]),
    IsArray({ message: `${label}: ожидается список категорий.` }),
    ArrayMinSize(1, { message: `${label}: укажите хотя бы одну категорию участников.` }),
    ArrayMaxSize(20, { message: `${label}: слишком много категорий.` }),
    IsEnum(ParticipantKind, { each: true, message: `${label}: неизвестная категория участника.` }),
  );
}

@InputType({ description: 'Новая форма наставничества' })
export class CreateMentoringFormInput extends ReferenceInput {
  @LongText('Определение') description?: string | null;
  @LongText('Цель') goal?: string | null;
  @TextList('Задачи') tasks?: string[];
  @TextList('Ожидаемые результаты') expectedResults?: string[];
  @TextList('Характеристика наставника') mentorProfile?: string[];
  @TextList('Характеристика наставляемого') menteeProfile?: string[];
  @Kinds('Наставники') mentorKinds!: ParticipantKind[];
  @Kinds('Наставляемые') menteeKinds!: ParticipantKind[];
  @Age('Наименьший возраст наставника') mentorMinAge?: number | null;
  @Age('Наименьший возраст наставляемого') menteeMinAge?: number | null;
  @Age('Наибольший возраст наставляемого') menteeMaxAge?: number | null;
  @BoolField('Признак «наставник обычно старше»', { optional: true }) mentorUsuallyOlder?: boolean;
  @Source() source?: string | null;
}

@InputType({ description: 'Изменение формы наставничества; код неизменен' })
export class UpdateMentoringFormInput extends PartialType(OmitType(CreateMentoringFormInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новая ролевая модель' })
export class CreateRoleModelInput extends ReferenceInput {
  @IdField('Форма наставничества') formId!: string;
  @LongText('Цель') goal?: string | null;
  @Source() source?: string | null;
}

@InputType({ description: 'Изменение ролевой модели; код неизменен' })
export class UpdateRoleModelInput extends PartialType(OmitType(CreateRoleModelInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый вид наставничества' })
export class CreateMentoringFormatInput extends ReferenceInput {
  @LongText('Определение') description?: string | null;
}

@InputType({ description: 'Изменение вида наставничества; код неизменен' })
export class UpdateMentoringFormatInput extends PartialType(OmitType(CreateMentoringFormatInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новое направление наставничества' })
export class CreateMentoringDirectionInput extends ReferenceInput {
  @TextField('Краткое наименование', 1, 300) @Trimmed() shortTitle!: string;
  @EnumField(DirectionAudience, AUDIENCE) audience!: DirectionAudience;
}

@InputType({ description: 'Изменение направления наставничества; код неизменен' })
export class UpdateMentoringDirectionInput extends PartialType(OmitType(CreateMentoringDirectionInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новая область интересов наставляемых' })
export class CreateMenteeInterestInput extends ReferenceInput {}

@InputType({ description: 'Изменение области интересов; код неизменен' })
export class UpdateMenteeInterestInput extends PartialType(OmitType(CreateMenteeInterestInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый вид встречи' })
export class CreateMeetingTypeInput extends ReferenceInput {
  @LongText('Описание') description?: string | null;
  @EnumField(MeetingScope, SCOPE) scope!: MeetingScope;
}

@InputType({ description: 'Изменение вида встречи; код неизменен' })
export class UpdateMeetingTypeInput extends PartialType(OmitType(CreateMeetingTypeInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Новый этап реализации целевой модели' })
export class CreateProgrammeStageInput extends ReferenceInput {
  @IntField('Номер этапа', 1, 20, { nullable: true }) number?: number | null;
  @LongText('Цель') goal?: string | null;
  @LongText('Задача') task?: string | null;
  @LongText('Результат') result?: string | null;
}

@InputType({ description: 'Изменение этапа; код неизменен' })
export class UpdateProgrammeStageInput extends PartialType(OmitType(CreateProgrammeStageInput, ['code'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор справочника' })
export class ReferenceFilter {
  @SearchField('Поиск по коду или наименованию') q?: string;
  @FilterIdsField() ids?: string[];

  @Field(() => [String], { nullable: true, description: 'Коды' })
  @IsOptional()
  @IsString({ each: true, message: 'Код — строка.' })
  @MaxLength(40, { each: true, message: 'Код — не длиннее 40 символов.' })
  codes?: string[];

  @BoolField('Признак «используется»', { optional: true }) isActive?: boolean;
}

@InputType({ description: 'Отбор ролевых моделей' })
export class RoleModelFilter extends ReferenceFilter {
  @IdField('Форма наставничества', { optional: true }) formId?: string;
}

@InputType({ description: 'Отбор направлений' })
export class MentoringDirectionFilter extends ReferenceFilter {
  @EnumField(DirectionAudience, AUDIENCE, { optional: true }) audience?: DirectionAudience;
}

@InputType({ description: 'Отбор видов встреч' })
export class MeetingTypeFilter extends ReferenceFilter {
  @EnumField(MeetingScope, SCOPE, { optional: true }) scope?: MeetingScope;
}

@ArgsType()
export class ReferenceListArgs extends ListArgs {
  @FilterField(() => ReferenceFilter) filter?: ReferenceFilter;
}

@ArgsType()
export class RoleModelListArgs extends ListArgs {
  @FilterField(() => RoleModelFilter) filter?: RoleModelFilter;
}

@ArgsType()
export class MentoringDirectionListArgs extends ListArgs {
  @FilterField(() => MentoringDirectionFilter) filter?: MentoringDirectionFilter;
}

@ArgsType()
export class MeetingTypeListArgs extends ListArgs {
  @FilterField(() => MeetingTypeFilter) filter?: MeetingTypeFilter;
}
