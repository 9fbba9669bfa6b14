import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { preparedStatement } from './prepared-statements';

/** An order of a read: entity properties, each ascending or descending, in turn. */
export type ReadOrder<T> = ReadonlyArray<readonly [keyof T & string, 'ASC' | 'DESC']>;

/**
 * Reads of whole entities without TypeORM's query builder and its generic hydrator (issue 15): the
 * statement of a read is built once per entity, key and order and kept, and a row becomes the
 * entity by a precompiled list of columns — the same `prepareHydratedValue` and `setEntityValue`
 * of TypeORM's own hydrator, without its per-call building of the SQL, its grouping of rows by
 * primary key and its per-column alias lookups. A page of 25 participants' base entries cost
 * 0.72 ms of CPU through `manager.find(…, In(ids))` and 0.21 ms as the bare query.
 *
 * Only for entities TypeORM would read as plain rows: every column a real column of the table, no
 * eager relation, no embedded, no inheritance, no soft delete, no tree, no `@AfterLoad` and no
 * subscriber — a reader of anything else refuses at once rather than read it differently.
 * `apps/api/test/entity-reader.spec.ts` reads every entity of the API both ways and requires the
 * same objects.
 *
 * Dates (`date` columns, not arrays of them) are selected as text: TypeORM turns the JavaScript Date that pg would
 * make of one back into its `YYYY-MM-DD`, and the text is that string already.
 *
 * The statements run through the manager's query runner, so in the operation's scoped transaction
 * under its policies, like any other query of it; each is a named statement of its connection
 * (`preparedStatement`), planned once.
 */
export class EntityReader<T extends ObjectLiteral> {
  private readonly columns: readonly ColumnMetadata[];
  /** Each column's property, where its value is the row's as pg read it (`asRead`); null where TypeORM prepares it. */
  private readonly directProperties: readonly (string | null)[];
  /** Each column's alias in the statement, by position (`c0`, `c1`…). */
  private readonly aliases: readonly string[];
  private readonly selectList: string;
  private readonly statements = new Map<string, string>();
  /** The column aliases of TypeORM's query builder (`alias_column`), by the builder's alias. */
  private readonly builderAliases = new Map<string, readonly string[]>();

  private constructor(
    private readonly metadata: EntityMetadata,
    private readonly driver: DataSource['driver'],
  ) {
    refuseUnlessPlain(metadata);
    this.columns = metadata.columns.filter((column) => column.isSelect);
    this.directProperties = this.columns.map((column) => (asRead(column) ? column.propertyName : null));
    this.aliases = this.columns.map((_, i) => `c${i}`);
    this.selectList = this.columns.map((column, i) => `${column.type === 'date' && !column.isArray ? `"r"."${column.databaseName}"::text` : `"r"."${column.databaseName}"`} AS "${this.aliases[i]}"`).join(', ');
  }

  /** The reader of `target` in the manager's data source (one per data source and entity). */
  static of<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): EntityReader<T> {
    const source = manager.connection;
    const metadata = source.getMetadata(target);
    let readers = READERS.get(source);
    if (!readers) READERS.set(source, (readers = new Map()));
    let reader = readers.get(metadata);
    if (!reader) {
      if (source.subscribers.length) throw new Error(`EntityReader: the data source has subscribers, which a read must notify (${metadata.name})`);
      reader = new EntityReader(metadata, source.driver);
      readers.set(metadata, reader);
    }
    return reader as EntityReader<T>;
  }

  /**
   * The reader of a query builder's rows, when the query selects whole entities of one plain
   * entity and nothing else but aliased expressions (no join, no partial selection, no relation
   * ids, no lock); otherwise null, and the builder hydrates them itself.
   */
  static ofBuilder<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): EntityReader<T> | null {
    const map = query.expressionMap;
    const main = map.mainAlias;
    if (!main?.hasMetadata || map.joinAttributes.length || map.relationIdAttributes.length || map.lockMode) return null;
    if (!map.selects.some((select) => select.selection === main.name) || map.selects.some((select) => select.selection !== main.name && !select.aliasName)) return null;
    try {
      return EntityReader.of(query.connection.manager, main.metadata.target as EntityTarget<T>);
    } catch {
      return null;
    }
  }

  /** The entity of a row the query builder selected under `alias` (its columns as `alias_column`), as the builder would make it. */
  fromBuilderRow(row: Record<string, unknown>, alias: string): T {
    let aliases = this.builderAliases.get(alias);
    if (!aliases) this.builderAliases.set(alias, (aliases = this.columns.map((column) => DriverUtils.buildAlias(this.driver, undefined, alias, column.databaseName))));
    return this.hydrate(row, aliases);
  }

  /**
   * Every row whose `key` is one of `keys` (one statement, `= any($1)`), in `order` and then by
   * primary key, as entities.
   */
  async byKeys(manager: EntityManager, key: keyof T & string, keys: readonly unknown[], order: ReadOrder<T> = []): Promise<T[]> {
    if (!keys.length) return [];
    const id = `${key}\u0000${order.map(([property, direction]) => `${property} ${direction}`).join(',')}`;
    let sql = this.statements.get(id);
    if (!sql) {
      const orderBy = [...order.map(([property, direction]) => `"r"."${this.column(property).databaseName}" ${direction}`), ...this.metadata.primaryColumns.map((column) => `"r"."${column.databaseName}" ASC`)];
      sql = preparedStatement(`SELECT ${this.selectList} FROM ${this.table()} "r" WHERE "r"."${this.column(key).databaseName}" = any($1) ORDER BY ${[...new Set(orderBy)].join(', ')}`);
      this.statements.set(id, sql);
    }
    const rows = (await manager.query(sql, [keys])) as Record<string, unknown>[];
    return rows.map((row) => this.hydrate(row, this.aliases));
  }

  /** The entity of a row whose columns are under `aliases`, each value as TypeORM's hydrator prepares it. */
  private hydrate(row: Record<string, unknown>, aliases: readonly string[]): T {
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
    const { columns, directProperties, driver } = this;
    for (let i = 0; i < columns.length; i++) {
      const property = directProperties[i];
      if (property !== null) (entity as Record<string, unknown>)[property] = row[aliases[i]];
      else columns[i].setEntityValue(entity, driver.prepareHydratedValue(row[aliases[i]], columns[i]));
    }
    return entity;
  }

  private column(property: string): ColumnMetadata {
    const column = this.columns.find((c) => c.propertyName === property);
    if (!column) throw new Error(`EntityReader: ${this.metadata.name} has no column «${property}»`);
    return column;
  }

  private table(): string {
    return this.metadata.schema ? `"${this.metadata.schema}"."${this.metadata.tableName}"` : `"${this.metadata.tableName}"`;
  }
}

const READERS = new WeakMap<object, Map<EntityMetadata, EntityReader<ObjectLiteral>>>();

/**
 * Column types whose value TypeORM's Postgres driver hydrates as pg read it — `prepareHydratedValue`
 * has no branch for them (timestamps: it makes a Date of a string only, and pg's parser gives a
 * Date), arrays of them included. Enums, dates, numbers typed `Number`, simple arrays and the like
 * keep TypeORM's preparation.
 */
const AS_READ_TYPES: ReadonlySet<unknown> = new Set(['uuid', 'text', 'varchar', 'character varying', 'int', 'integer', 'smallint', 'boolean', 'jsonb', 'json', 'ltree', 'timestamptz', 'timestamp with time zone']);

/** A column whose row value is the entity's as it stands: a plain property (no embedded, no relation's referenced column), no transformer, a type of `AS_READ_TYPES`. */
function asRead(column: ColumnMetadata): boolean {
  return !column.transformer && !column.embeddedMetadata && !(column.isVirtual && column.referencedColumn) && AS_READ_TYPES.has(column.type);
}

/** What TypeORM's hydrator does and this one does not: refuse such entities. */
function refuseUnlessPlain(metadata: EntityMetadata): void {
  const why = [
    metadata.eagerRelations.length && 'eager relations',
    metadata.lazyRelations.length && 'lazy relations',
    metadata.embeddeds.length && 'embedded entities',
    (metadata.discriminatorColumn || metadata.childEntityMetadatas.length || metadata.parentEntityMetadata) && 'table inheritance',
    metadata.afterLoadListeners.length && '@AfterLoad listeners',
    metadata.deleteDateColumn && "a soft-delete column (TypeORM's reads leave deleted rows out)",
    metadata.treeType && 'a tree',
    metadata.tableType !== 'regular' && `a ${metadata.tableType} table`,
    metadata.columns.some((column) => column.isVirtualProperty || column.isVirtual || column.query) && 'virtual columns',
    metadata.columns.some((column) => column.type === 'date' && column.utc) && 'UTC date columns',
  ].filter(Boolean);
  if (why.length) throw new Error(`EntityReader: ${metadata.name} has ${why.join(', ')}; read it with the manager`);
}
