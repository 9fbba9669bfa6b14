import { ArgsType, Field, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { BaseFilter } from '../common/base-filter';
import { DateField, TenantIdField, TextField } from '../common/input-decorators';
import { OrderKind } from './order-document.entity';

@InputType({ description: 'Новый приказ, распоряжение или протокол' })
export class CreateOrderDocumentInput {
  @TenantIdField() tenantId?: string | null;

  @Field(() => OrderKind)
  @IsEnum(OrderKind, { message: 'Вид документа: приказ, распоряжение или протокол.' })
  kind!: OrderKind;

  @TextField('Номер', 1, 50) number!: string;
  @DateField('Дата документа') issuedOn!: string;
  @TextField('Заголовок', 1, 1000) title!: string;
  @TextField('Кем издан', 0, 300, { optional: true }) issuer?: string | null;
}

@InputType({ description: 'Изменение документа' })
export class UpdateOrderDocumentInput extends PartialType(OmitType(CreateOrderDocumentInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор документов' })
export class OrderDocumentFilter extends BaseFilter {
  @Field(() => OrderKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrderKind, { message: 'Вид документа: приказ, распоряжение или протокол.' })
  kind?: OrderKind;
}

@ArgsType()
export class OrderDocumentListArgs extends ListArgs {
  @Field(() => OrderDocumentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrderDocumentFilter)
  filter?: OrderDocumentFilter;
}
