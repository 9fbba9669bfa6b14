import { Resolver } from '@nestjs/graphql';
import { crudResolver } from '@nastavnik/platform/graphql/crud-resolver';
import { OrderDocumentEntity } from './order-document.entity';
import { CreateOrderDocumentInput, OrderDocumentListArgs, UpdateOrderDocumentInput } from '../dtos/order-document.inputs';
import { OrderDocumentService } from './order-document.service';

const EDITORS = ['curator', 'platform-admin'] as const;

@Resolver(() => OrderDocumentEntity)
export class OrderDocumentResolver extends crudResolver({
  entity: OrderDocumentEntity,
  names: { many: 'OrderDocuments', one: 'OrderDocument' },
  listArgs: OrderDocumentListArgs,
  create: CreateOrderDocumentInput,
  update: UpdateOrderDocumentInput,
  delete: true,
  roles: { read: EDITORS, write: EDITORS },
  descriptions: { list: 'Приказы, распоряжения и протоколы организации' },
  service: OrderDocumentService,
}) {}
