/** A query runner the verifier reads through: the owner's connection (it reads every school's chain). */
export type VerifyQuery = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

export type ChainProblem = { tenantId: string; seq: number | null; problem: string };

export type ChainReport = {
  tenants: number;
  rows: number;
  /** Schools whose first kept row follows rows dropped by retention (their chain starts from that row's previous hash). */
  anchored: { tenantId: string; seq: number }[];
  problems: ChainProblem[];
};

const PAGE = 5000;

type ChainRow = { seq: string; prev_hash: string; hash: string; recomputed: string };

/**
 * Walks each school's chain in `seq` order (docs/adr/0023): every row's hash must be
 * `app.journal_hash` of its previous hash and its content (an edited row fails here), every row's
 * previous hash must be the hash of the row before it and the sequence must have no gap (a deleted
 * or re-inserted row fails here), and the chain must end where the school's head says (a deleted
 * tail fails here). The first row is seq 1 with an empty previous hash, unless retention dropped
 * the months before it — then the chain is anchored at the first kept row.
 */
export async function verifyJournal(query: VerifyQuery, tenantId?: string): Promise<ChainReport> {
  const tenants = tenantId
    ? [tenantId]
    : (await query<{ tenant_id: string }>(`select tenant_id from access_journal_heads union select distinct tenant_id from access_journal order by 1`)).map((r) => r.tenant_id);
  const report: ChainReport = { tenants: tenants.length, rows: 0, anchored: [], problems: [] };
  for (const tenant of tenants) await verifyTenant(query, tenant, report);
  return report;
}

async function verifyTenant(query: VerifyQuery, tenantId: string, report: ChainReport): Promise<void> {
  const problem = (seq: number | null, text: string) => report.problems.push({ tenantId, seq, problem: text });
  let last: { seq: number; hash: string } | null = null;
  for (;;) {
    const after: number = last === null ? 0 : (last as { seq: number }).seq;
    const rows: ChainRow[] = await query<ChainRow>(
      `select seq, prev_hash, hash,
              app.journal_hash(prev_hash, tenant_id, seq, at, actor, actor_name, role, operation, action, entity, entity_ids, fields, request_id, source_address) as recomputed
         from access_journal where tenant_id = $1 and seq > $2 order by seq limit ${PAGE}`,
      [tenantId, after],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      report.rows += 1;
      if (row.recomputed !== row.hash) problem(seq, 'содержимое записи изменено: хеш не совпадает с пересчитанным');
      if (last === null) {
        if (seq === 1 && row.prev_hash !== '') problem(seq, 'первая запись цепочки ссылается на предыдущую');
        if (seq !== 1) report.anchored.push({ tenantId, seq });
      } else {
        if (seq !== last.seq + 1) problem(seq, `пропуск в цепочке: после записи ${last.seq} идёт ${seq} (записи удалены)`);
        if (row.prev_hash !== last.hash) problem(seq, `запись не продолжает цепочку: хеш предыдущей записи (${last.seq}) не совпадает`);
      }
      last = { seq, hash: row.hash };
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await query<{ seq: string; hash: string }>(`select seq, hash from access_journal_heads where tenant_id = $1`, [tenantId]);
  if (!head && last) problem(null, 'нет головы цепочки организации');
  if (head && !last) problem(Number(head.seq), 'голова цепочки есть, записей нет (журнал удалён)');
  if (head && last && (Number(head.seq) !== last.seq || head.hash !== last.hash)) {
    problem(Number(head.seq), `цепочка обрывается на записи ${last.seq}, голова — на ${head.seq}: последние записи удалены или изменены`);
  }
}
