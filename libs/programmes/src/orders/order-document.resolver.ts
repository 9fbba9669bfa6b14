import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@nastavnik/platform/auth/auth.decorators';
import { ListMetadata } from '@nastavnik/platform/graphql/list-args';
import { UuidPipe } from '@nastavnik/platform/graphql/uuid.pipe';
import { OrderDocumentEntity } from './order-document.entity';
import { CreateOrderDocumentInput, OrderDocumentListArgs, UpdateOrderDocumentInput } from '../dtos/order-document.inputs';
import { OrderDocumentService } from './order-document.service';

@Resolver(() => OrderDocumentEntity)
export class OrderDocumentResolver {
  constructor(private readonly orders: OrderDocumentService) {}

  @Roles('curator', 'platform-admin')
  @Query(() => [OrderDocumentEntity], { description: 'Приказы, распоряжения и протоколы организации' })
  allOrderDocuments(@Args() args: OrderDocumentListArgs): Promise<OrderDocumentEntity[]> {
    return this.orders.list(args, args.filter);
  }

  @Roles('curator', 'platform-admin')
  @Query(() => ListMetadata)
  async _allOrderDocumentsMeta(@Args() args: OrderDocumentListArgs): Promise<ListMetadata> {
    return { count: await this.orders.count(args.filter) };
  }

  @Roles('curator', 'platform-admin')
  @Query(() => OrderDocumentEntity, { name: 'OrderDocument' })
  orderDocument(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<OrderDocumentEntity> {
    return this.orders.get(id);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => OrderDocumentEntity)
  createOrderDocument(@Args('input') input: CreateOrderDocumentInput): Promise<OrderDocumentEntity> {
    return this.orders.create(input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => OrderDocumentEntity)
  updateOrderDocument(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: UpdateOrderDocumentInput): Promise<OrderDocumentEntity> {
    return this.orders.update(id, input);
  }

  @Roles('curator', 'platform-admin')
  @Mutation(() => OrderDocumentEntity)
  deleteOrderDocument(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<OrderDocumentEntity> {
    return this.orders.remove(id);
  }
}
