import { Field, ID, ObjectType } from '@nestjs/graphql';
import { describeEnum } from '@nastavnik/platform/graphql/input-fields';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Level of a node of the tenant tree: регион → муниципалитет → образовательная организация. */
export const TenantKind = { REGION: 'region', MUNICIPALITY: 'municipality', ORGANISATION: 'organisation' } as const;
export type TenantKind = (typeof TenantKind)[keyof typeof TenantKind];
describeEnum(TenantKind, 'TenantKind', 'Уровень: регион, муниципалитет, образовательная организация', {
  REGION: 'Регион (субъект РФ)',
  MUNICIPALITY: 'Муниципальное образование',
  ORGANISATION: 'Образовательная организация',
});

/** Тип образовательной организации. */
export const OrganisationType = {
  SCHOOL: 'school',
  GYMNASIUM: 'gymnasium',
  LYCEUM: 'lyceum',
  BOARDING_SCHOOL: 'boarding_school',
  COLLEGE: 'college',
  ADDITIONAL_EDUCATION: 'additional_education',
  OTHER: 'other',
} as const;
export type OrganisationType = (typeof OrganisationType)[keyof typeof OrganisationType];
describeEnum(OrganisationType, 'OrganisationType', 'Тип образовательной организации', {
  SCHOOL: 'Общеобразовательная школа',
  GYMNASIUM: 'Гимназия',
  LYCEUM: 'Лицей',
  BOARDING_SCHOOL: 'Школа-интернат',
  COLLEGE: 'Профессиональная образовательная организация (СПО)',
  ADDITIONAL_EDUCATION: 'Организация дополнительного образования',
  OTHER: 'Иная организация',
});

/**
 * Арендатор (tenant): a node of the region → municipality → organisation tree. A school is the
 * unit of isolation; its `path` (ltree) is what regional scopes are checked against.
 */
@ObjectType('Tenant', { description: 'Регион, муниципалитет или образовательная организация' })
@Entity('tenants')
export class TenantEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Вышестоящий узел (для региона — нет)' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field(() => TenantKind)
  @Column({ type: 'text' })
  kind!: TenantKind;

  @Field({ description: 'Постоянный уникальный код (латиница, цифры, «-», «_»)' })
  @Column({ type: 'text' })
  code!: string;

  @Field({ description: 'Путь в дереве (ltree), например r82.m01.sch51' })
  @Column({ type: 'ltree' })
  path!: string;

  @Field({ description: 'Полное наименование' })
  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Field({ description: 'Краткое наименование' })
  @Column({ name: 'short_name', type: 'text' })
  shortName!: string;

  @Field(() => OrganisationType, { nullable: true })
  @Column({ name: 'org_type', type: 'text', nullable: true })
  orgType!: OrganisationType | null;

  @Field(() => String, { nullable: true, description: 'Адрес' })
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
