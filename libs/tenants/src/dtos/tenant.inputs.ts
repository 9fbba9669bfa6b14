import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { OrganisationType, TenantKind } from '../tenant.entity';
import { Nullable } from '@nastavnik/platform/graphql/validators';

const CODE_MESSAGE = 'Код: от 2 до 40 символов — строчные латинские буквы, цифры, «-» и «_», начинается с буквы или цифры.';

@InputType({ description: 'Новый регион, муниципалитет или организация' })
export class CreateTenantInput {
  @Field(() => TenantKind)
  @IsEnum(TenantKind, { message: 'Уровень должен быть одним из: регион, муниципалитет, организация.' })
  kind!: TenantKind;

  @Field()
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,39}$/, { message: CODE_MESSAGE })
  code!: string;

  @Field(() => ID, { nullable: true, description: 'Вышестоящий узел; у региона не указывается' })
  @Nullable()
  @IsUUID('all', { message: 'Некорректный идентификатор вышестоящего узла.' })
  parentId?: string | null;

  @Field()
  @IsString({ message: 'Укажите полное наименование.' })
  @Length(2, 500, { message: 'Полное наименование — от 2 до 500 символов.' })
  fullName!: string;

  @Field()
  @IsString({ message: 'Укажите краткое наименование.' })
  @Length(2, 200, { message: 'Краткое наименование — от 2 до 200 символов.' })
  shortName!: string;

  @Field(() => OrganisationType, { nullable: true })
  @Nullable()
  @IsEnum(OrganisationType, { message: 'Неизвестный тип организации.' })
  orgType?: OrganisationType | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Адрес должен быть строкой.' })
  @MaxLength(500, { message: 'Адрес — не длиннее 500 символов.' })
  address?: string | null;
}

@InputType({ description: 'Изменение узла; код неизменен' })
export class UpdateTenantInput {
  @Field(() => ID, { nullable: true, description: 'Новый вышестоящий узел (перенос вместе с подчинёнными)' })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор вышестоящего узла.' })
  parentId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString({ message: 'Укажите полное наименование.' })
  @Length(2, 500, { message: 'Полное наименование — от 2 до 500 символов.' })
  fullName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString({ message: 'Укажите краткое наименование.' })
  @Length(2, 200, { message: 'Краткое наименование — от 2 до 200 символов.' })
  shortName?: string;

  @Field(() => OrganisationType, { nullable: true })
  @Nullable()
  @IsEnum(OrganisationType, { message: 'Неизвестный тип организации.' })
  orgType?: OrganisationType | null;

  @Field(() => String, { nullable: true })
  @Nullable()
  @IsString({ message: 'Адрес должен быть строкой.' })
  @MaxLength(500, { message: 'Адрес — не длиннее 500 символов.' })
  address?: string | null;
}

@InputType({ description: 'Отбор списка узлов' })
export class TenantFilter {
  @Field({ nullable: true, description: 'Поиск по наименованию или коду' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Строка поиска — не длиннее 200 символов.' })
  q?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Некорректный идентификатор в списке ids.' })
  ids?: string[];

  @Field(() => TenantKind, { nullable: true })
  @IsOptional()
  @IsEnum(TenantKind, { message: 'Неизвестный уровень.' })
  kind?: TenantKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Некорректный идентификатор вышестоящего узла.' })
  parentId?: string;

  @Field(() => OrganisationType, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationType, { message: 'Неизвестный тип организации.' })
  orgType?: OrganisationType;
}

@ArgsType()
export class TenantListArgs extends ListArgs {
  @Field(() => TenantFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantFilter)
  filter?: TenantFilter;
}
