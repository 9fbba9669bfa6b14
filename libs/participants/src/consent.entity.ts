import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TenantRowEntity } from '@nastavnik/tenants/tenant-row.entity';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { ConsentPurpose, ConsentSigner, RepresentativeRelation } from './participant.codes';

/**
 * Согласие на обработку персональных данных (152-ФЗ): signed by the participant, or for a minor
 * by a legal representative (законный представитель), for a list of purposes that always
 * includes processing itself. A consent is in force from `signedOn` until `validUntil` (if any)
 * and until revoked (отзыв согласия); a revoked consent is kept as the record of the revocation.
 */
@ObjectType('Consent', { description: 'Согласие на обработку персональных данных' })
@Entity('consents')
export class ConsentEntity extends TenantRowEntity {
  @Field(() => ID)
  @Column({ name: 'participant_id', type: 'uuid' })
  participantId!: string;

  @Field(() => ConsentSigner)
  @Column({ name: 'signed_by', type: 'text' })
  signedBy!: ConsentSigner;

  @Field(() => String, { nullable: true, description: 'ФИО законного представителя' })
  @Column({ name: 'representative_name', type: 'text', nullable: true })
  representativeName!: string | null;

  @Field(() => RepresentativeRelation, { nullable: true })
  @Column({ name: 'representative_relation', type: 'text', nullable: true })
  representativeRelation!: RepresentativeRelation | null;

  @Field({ description: 'Дата подписания' })
  @Column({ name: 'signed_on', type: 'date' })
  signedOn!: string;

  @Field(() => [ConsentPurpose])
  @Column({ type: 'text', array: true })
  purposes!: ConsentPurpose[];

  @Field(() => String, { nullable: true, description: 'Действует до (включительно)' })
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Field(() => String, { nullable: true, description: 'Номер или место хранения бумажного согласия' })
  @Column({ name: 'document_ref', type: 'text', nullable: true })
  documentRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Дата отзыва' })
  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Причина отзыва' })
  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
