import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { allOf, EnumField, type FieldOptions, FilterField, FilterIdsField, IdField, presence, SearchField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { OrganisationType, TenantKind } from '../tenant.entity';

const CODE_MESSAGE = 'Код: от 2 до 40 символов — строчные латинские буквы, цифры, «-» и «_», начинается с буквы или цифры.';
const KIND = 'Уровень должен быть одним из: регион, муниципалитет, организация.';
const ORG_TYPE = 'Неизвестный тип организации.';

/** A name of `min..max` characters («Укажите полное наименование.» when it is not text). */
function NameField(label: string, min: number, max: number, options: FieldOptions = {}): PropertyDecorator {
  return allOf(
    Field(() => String, { nullable: !!options.optional }),
    ...presence(options),
    IsString({ message: `Укажите ${label.toLowerCase()}.` }),
    Length(min, max, { message: `${label} — от ${min} до ${max} символов.` }),
  );
}

/** Where a school is: plain text of at most 500 characters; `null` clears it. */
function AddressField(): PropertyDecorator {
  return allOf(
    Field(() => String, { nullable: true }),
    ...presence({ nullable: true }),
    IsString({ message: 'Адрес должен быть строкой.' }),
    MaxLength(500, { message: 'Адрес — не длиннее 500 символов.' }),
  );
}

/** What a region, municipality or organisation has that can be changed after it is created. */
@InputType({ isAbstract: true })
class TenantFields {
  @EnumField(OrganisationType, ORG_TYPE, { nullable: true }) orgType?: OrganisationType | null;
  @AddressField() address?: string | null;
}

@InputType({ description: 'Новый регион, муниципалитет или организация' })
export class CreateTenantInput extends TenantFields {
  @EnumField(TenantKind, KIND) kind!: TenantKind;

  @Field()
  @IsString({ message: CODE_MESSAGE })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,39}$/, { message: CODE_MESSAGE })
  code!: string;

  @IdField('Вышестоящий узел', { nullable: true, description: 'Вышестоящий узел; у региона не указывается' }) parentId?: string | null;
  @NameField('Полное наименование', 2, 500) fullName!: string;
  @NameField('Краткое наименование', 2, 200) shortName!: string;
}

@InputType({ description: 'Изменение узла; код неизменен' })
export class UpdateTenantInput extends TenantFields {
  @IdField('Вышестоящий узел', { optional: true, description: 'Новый вышестоящий узел (перенос вместе с подчинёнными)' }) parentId?: string;
  @NameField('Полное наименование', 2, 500, { optional: true }) fullName?: string;
  @NameField('Краткое наименование', 2, 200, { optional: true }) shortName?: string;
}

@InputType({ description: 'Отбор списка узлов' })
export class TenantFilter {
  @SearchField('Поиск по наименованию или коду') q?: string;
  @FilterIdsField() ids?: string[];
  @EnumField(TenantKind, KIND, { optional: true }) kind?: TenantKind;
  @IdField('Вышестоящий узел', { optional: true }) parentId?: string;
  @EnumField(OrganisationType, ORG_TYPE, { optional: true }) orgType?: OrganisationType;
}

@ArgsType()
export class TenantListArgs extends ListArgs {
  @FilterField(() => TenantFilter) filter?: TenantFilter;
}
