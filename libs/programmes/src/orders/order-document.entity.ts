import { Field, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from '../common/tenant-owned.entity';

/** Вид распорядительного документа: приказ, распоряжение, протокол (педсовета). */
export const OrderKind = { ORDER: 'order', DIRECTIVE: 'directive', PROTOCOL: 'protocol' } as const;
export type OrderKind = (typeof OrderKind)[keyof typeof OrderKind];
describeEnum(OrderKind, 'OrderKind', 'Вид документа', {
  ORDER: 'Приказ',
  DIRECTIVE: 'Распоряжение',
  PROTOCOL: 'Протокол (педагогического совета, методического совета)',
});

/**
 * Приказ / распоряжение / протокол of an organisation: approves a programme or a roadmap, fixes
 * pairs and groups («О формировании наставнических пар/групп»). One document may serve several
 * records (order 05-ОД of seed 004 approves the roadmap and the programme at once).
 */
@ObjectType('OrderDocument', { description: 'Приказ, распоряжение или протокол организации' })
@Entity('order_documents')
export class OrderDocumentEntity extends TenantOwnedEntity {
  @Field(() => OrderKind)
  @Column({ type: 'text' })
  kind!: OrderKind;

  @Field({ description: 'Номер, например «05-ОД»' })
  @Column({ type: 'text' })
  number!: string;

  @Field({ description: 'Дата (ГГГГ-ММ-ДД)' })
  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Field({ description: 'Заголовок, например «О реализации целевой модели наставничества»' })
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Кем издан (директор, педагогический совет)' })
  @Column({ type: 'text', nullable: true })
  issuer!: string | null;
}
