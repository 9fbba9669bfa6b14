import { Injectable } from '@nestjs/common';
import { ConflictException, NotFoundException, ValidationFailedException } from '@nastavnik/platform/errors/app.exceptions';
import type { ListArgs } from '@nastavnik/platform/graphql/list-args';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import type { EntityManager } from 'typeorm';
import { containsPattern, pageOf, sortColumns } from '@nastavnik/platform/graphql/list-query';
import { TenantOwnership } from '../common/tenant-ownership';
import { OrderDocumentEntity } from './order-document.entity';
import type { CreateOrderDocumentInput, OrderDocumentFilter, UpdateOrderDocumentInput } from '../dtos/order-document.inputs';

const SORTABLE = sortColumns({ issuedOn: 'o.issued_on', number: 'o.number', title: 'o.title', kind: 'o.kind', createdAt: 'o.created_at' });

/** Orders, directives and protocols (приказы, распоряжения, протоколы) of an organisation. */
@Injectable()
export class OrderDocumentService {
  constructor(
    private readonly context: TenantContext,
    private readonly ownership: TenantOwnership,
  ) {}

  async list(args: ListArgs, filter: OrderDocumentFilter = {}): Promise<OrderDocumentEntity[]> {
    return (await pageOf(this.filtered(await this.context.manager(), filter), args, SORTABLE, 'issuedOn')).items;
  }

  async count(filter: OrderDocumentFilter = {}): Promise<number> {
    return this.filtered(await this.context.manager(), filter).getCount();
  }

  async get(id: string): Promise<OrderDocumentEntity> {
    const order = await (await this.context.manager()).findOneBy(OrderDocumentEntity, { id });
    if (!order) throw new NotFoundException('Документ (приказ, распоряжение, протокол) не найден.');
    return order;
  }

  /** The order `id` of the organisation `tenantId`, for records that cite it. */
  async referenced(id: string, tenantId: string): Promise<OrderDocumentEntity> {
    const order = await (await this.context.manager()).findOneBy(OrderDocumentEntity, { id, tenantId });
    if (!order) throw new ValidationFailedException('Приказ (распоряжение) не найден в этой организации.');
    return order;
  }

  async create(input: CreateOrderDocumentInput): Promise<OrderDocumentEntity> {
    const em = await this.context.manager();
    const tenantId = await this.ownership.forNewRecord(input.tenantId);
    const values = { kind: input.kind, number: input.number.trim(), issuedOn: input.issuedOn, title: input.title.trim(), issuer: input.issuer?.trim() || null };
    await this.ensureUnique(em, tenantId, values, null);
    const saved = await em.save(em.create(OrderDocumentEntity, { tenantId, ...values }));
    return this.get(saved.id);
  }

  async update(id: string, input: UpdateOrderDocumentInput): Promise<OrderDocumentEntity> {
    const em = await this.context.manager();
    const order = await this.get(id);
    const changes: Partial<OrderDocumentEntity> = {};
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.number !== undefined) changes.number = input.number.trim();
    if (input.issuedOn !== undefined) changes.issuedOn = input.issuedOn;
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.issuer !== undefined) changes.issuer = input.issuer?.trim() || null;
    await this.ensureUnique(em, order.tenantId, { ...order, ...changes }, id);
    if (Object.keys(changes).length > 0) await em.update(OrderDocumentEntity, { id }, changes);
    return this.get(id);
  }

  async remove(id: string): Promise<OrderDocumentEntity> {
    const em = await this.context.manager();
    const order = await this.get(id);
    const [{ uses }] = await em.query(
      `select (select count(*) from programmes where tenant_id = $1 and approval_order_id = $2)
            + (select count(*) from roadmaps where tenant_id = $1 and approval_order_id = $2)
            + (select count(*) from mentoring_pairs where tenant_id = $1 and fixing_order_id = $2) as uses`,
      [order.tenantId, id],
    );
    if (Number(uses) > 0) throw new ConflictException(`Документ № ${order.number} указан в программах, дорожных картах или парах (${uses}) — сначала уберите ссылки на него.`);
    await em.delete(OrderDocumentEntity, { id });
    return order;
  }

  private filtered(em: EntityManager, filter: OrderDocumentFilter) {
    const query = em.createQueryBuilder(OrderDocumentEntity, 'o');
    if (filter.ids) query.andWhere('o.id = any(:ids)', { ids: filter.ids });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.q?.trim()) query.andWhere('(o.number ilike :q or o.title ilike :q)', { q: containsPattern(filter.q) });
    return query;
  }

  private async ensureUnique(em: EntityManager, tenantId: string, o: Pick<OrderDocumentEntity, 'kind' | 'number' | 'issuedOn'>, exceptId: string | null): Promise<void> {
    const same = await em.findOneBy(OrderDocumentEntity, { tenantId, kind: o.kind, number: o.number, issuedOn: o.issuedOn });
    if (same && same.id !== exceptId) throw new ConflictException(`Документ № ${o.number} от ${o.issuedOn} уже есть.`);
  }
}
