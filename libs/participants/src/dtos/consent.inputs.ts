import { ArgsType, Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ConsentPurpose, ConsentSigner, RepresentativeRelation } from '../participant.codes';
import { ISO_DATE, NoControlChars, PERSON_NAME, Tidy } from './input-helpers';
import { Nullable } from '@nastavnik/platform/graphql/validators';

const TEXT = 'Текст не должен содержать управляющих символов.';

@InputType({ description: 'Новое согласие на обработку персональных данных' })
export class CreateConsentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId!: string;

  @Field(() => ConsentSigner)
  @IsEnum(ConsentSigner, { message: 'Кто подписал: сам участник или законный представитель.' })
  signedBy!: ConsentSigner;

  @Field(() => String, { nullable: true, description: 'ФИО законного представителя' })
  @Nullable()
  @Tidy()
  @IsString({ message: 'ФИО представителя должно быть строкой.' })
  @Length(3, 300, { message: 'ФИО представителя — от 3 до 300 символов.' })
  @Matches(PERSON_NAME, { message: 'ФИО представителя: только буквы, пробел, дефис и апостроф.' })
  representativeName?: string | null;

  @Field(() => RepresentativeRelation, { nullable: true })
  @Nullable()
  @IsEnum(RepresentativeRelation, { message: 'Кем приходится представитель: мать, отец, опекун, попечитель или иной.' })
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
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор участника.' })
  participantId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Действует сегодня (подписано, не истекло, не отозвано)' })
  @IsOptional()
  @IsBoolean()
  inForce?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Отозвано' })
  @IsOptional()
  @IsBoolean()
  revoked?: boolean;
}

@ArgsType()
export class ConsentListArgs extends ListArgs {
  @Field(() => ConsentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentFilter)
  filter?: ConsentFilter;
}
