import { ArgsType, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { DateField, EnumField, FilterField, TextField } from '@nastavnik/platform/graphql/input-fields';
import { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantIdField } from '../common/input-decorators';
import { OrderKind } from '../orders/order-document.entity';
import { BaseFilter } from './base-filter.input';

const ORDER_KIND = 'Вид документа: приказ, распоряжение или протокол.';

@InputType({ description: 'Новый приказ, распоряжение или протокол' })
export class CreateOrderDocumentInput {
  @TenantIdField() tenantId?: string | null;
  @EnumField(OrderKind, ORDER_KIND) kind!: OrderKind;
  @TextField('Номер', 1, 50) number!: string;
  @DateField('Дата документа') issuedOn!: string;
  @TextField('Заголовок', 1, 1000) title!: string;
  @TextField('Кем издан', 0, 300, { nullable: true }) issuer?: string | null;
}

@InputType({ description: 'Изменение документа' })
export class UpdateOrderDocumentInput extends PartialType(OmitType(CreateOrderDocumentInput, ['tenantId'] as const), { skipNullProperties: false }) {}

@InputType({ description: 'Отбор документов' })
export class OrderDocumentFilter extends BaseFilter {
  @EnumField(OrderKind, ORDER_KIND, { optional: true }) kind?: OrderKind;
}

@ArgsType()
export class OrderDocumentListArgs extends ListArgs {
  @FilterField(() => OrderDocumentFilter) filter?: OrderDocumentFilter;
}
