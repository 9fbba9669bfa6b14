import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns a row of an organisation's personal records starts with: its id, and the
 * organisation its row-level policy keys on — kept out of GraphQL, where the row's own scope
 * already says whose it is. An abstract base: each entity keeps its own table and columns.
 */
@ObjectType({ isAbstract: true })
export abstract class TenantRowEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}
