import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsString, Length, Matches, MaxLength } from 'class-validator';
import { BoolField, EnumField, FilterField, FilterIdsField, IdField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { ConsentPurpose, ConsentSigner, RepresentativeRelation } from '../participant.codes';
import { ISO_DATE, NoControlChars, PERSON_NAME, Tidy } from './input-helpers';
import { Nullable } from '@nastavnik/platform/graphql/validators';

const TEXT = 'Текст не должен содержать управляющих символов.';

@InputType({ description: 'Новое согласие на обработку персональных данных' })
export class CreateConsentInput {
  @IdField('Участник') participantId!: string;

  @EnumField(ConsentSigner, 'Кто подписал: сам участник или законный представитель.') signedBy!: ConsentSigner;

  @Field(() => String, { nullable: true, description: 'ФИО законного представителя' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'ФИО представителя должно быть строкой.' })
  @Length(3, 300, { message: 'ФИО представителя — от 3 до 300 символов.' })
  @Matches(PERSON_NAME, { message: 'ФИО представителя: только буквы, пробел, дефис и апостроф.' })
  representativeName?: string | null;

  @EnumField(RepresentativeRelation, 'Кем приходится представитель: мать, отец, опекун, попечитель или иной.', { nullable: true })
  representativeRelation?: RepresentativeRelation | null;

  @Field({ description: 'Дата подписания, ГГГГ-ММ-ДД' })
  @IsString({ message: 'Укажите дату подписания.' })
  @Matches(ISO_DATE, { message: 'Дата подписания — в формате ГГГГ-ММ-ДД.' })
  signedOn!: string;

  @Field(() => [ConsentPurpose], { description: 'Цели; обработка (PROCESSING) добавляется всегда' })
  @ArrayMinSize(1, { message: 'Укажите хотя бы одну цель обработки.' })
  @ArrayMaxSize(8, { message: 'Слишком много целей.' })
  @IsEnum(ConsentPurpose, { each: true, message: 'Неизвестная цель обработки персональных данных.' })
  purposes!: ConsentPurpose[];

  @Field(() => String, { nullable: true, description: 'Действует до, ГГГГ-ММ-ДД' })
  @Nullable()
  @Matches(ISO_DATE, { message: 'Срок действия — в формате ГГГГ-ММ-ДД.' })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Номер или место хранения бумажного согласия' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'Реквизиты документа должны быть строкой.' })
  @MaxLength(300, { message: 'Реквизиты документа — не длиннее 300 символов.' })
  @NoControlChars({ message: TEXT })
  documentRef?: string | null;
}

@InputType({ description: 'Исправление согласия (отзыв — отдельной операцией revokeConsent)' })
export class UpdateConsentInput extends PartialType(OmitType(CreateConsentInput, ['participantId'] as const), InputType) {}

@InputType({ description: 'Отбор согласий' })
export class ConsentFilter {
  @FilterIdsField() ids?: string[];

  @IdField('Участник', { optional: true }) participantId?: string;

  @BoolField('Признак «действует»', { optional: true, description: 'Действует сегодня (подписано, не истекло, не отозвано)' }) inForce?: boolean;
  @BoolField('Признак «отозвано»', { optional: true, description: 'Отозвано' }) revoked?: boolean;
}

@ArgsType()
export class ConsentListArgs extends ListArgs {
  @FilterField(() => ConsentFilter) filter?: ConsentFilter;
}

@ArgsType()
export class RevokeConsentArgs {
  @IdField('Согласие') id!: string;

  @Field({ description: 'Причина отзыва (например, «заявление родителя от 01.02.2025»)' })
  @Tidy()
  @IsString({ message: 'Укажите причину отзыва.' })
  @Length(1, 1000, { message: 'Причина отзыва — от 1 до 1000 символов.' })
  @NoControlChars({ message: TEXT })
  reason!: string;
}
