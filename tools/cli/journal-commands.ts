import { Client } from 'pg';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { verifyJournal } from '@nastavnik/platform/personal-data/journal-verify';

export const JOURNAL_USAGE = `  npm run -s cli -- journal verify [--tenant <код организации>] [--json]
  npm run -s cli -- journal maintain   (месячные разделы вперёд и удаление старше JOURNAL_RETENTION_MONTHS)`;

/**
 * `journal verify`: walks the access journal's hash chains (every school's, or one) and prints each
 * broken row; exit code 1 when anything is broken, 0 when every chain holds. It reads every
 * school's rows, so it connects with the owner's credentials (MIGRATION_DATABASE_URL), like migrations.
 * `journal maintain`: what the worker does daily (journal-maintenance.ts), on demand.
 */
export async function journalCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i += 1) {
    const key = rest[i].replace(/^--/, '');
    if (key === 'json') options.set(key, true);
    else options.set(key, rest[++i] ?? '');
  }
  if (sub !== 'verify' && sub !== 'maintain') {
    console.error(`Использование:\n${JOURNAL_USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const client = new Client({ connectionString: config.migrationDatabaseUrl });
  await client.connect();
  try {
    if (sub === 'maintain') {
      const [{ created }] = (await client.query(`select app.journal_ensure_partitions(2) as created`)).rows;
      const [{ dropped }] = (await client.query(`select app.journal_drop_expired($1) as dropped`, [config.journalRetentionMonths])).rows;
      console.log(`Журнал доступа: создано разделов — ${created}, удалено разделов старше ${config.journalRetentionMonths} мес. — ${dropped}.`);
      return 0;
    }
    let tenantId: string | undefined;
    const code = options.get('tenant');
    if (typeof code === 'string') {
      const [row] = (await client.query(`select id from tenants where code = $1`, [code])).rows;
      if (!row) {
        console.error(`Не найдена организация с кодом «${code}».`);
        return 1;
      }
      tenantId = row.id;
    }
    const report = await verifyJournal(async (sql, params) => (await client.query(sql, params)).rows, tenantId);
    const codes = new Map<string, string>(
      (await client.query(`select id, code from tenants where id = any($1::uuid[])`, [[...new Set(report.problems.map((p) => p.tenantId))]])).rows.map((r) => [r.id, r.code]),
    );
    if (options.get('json')) {
      process.stdout.write(`${JSON.stringify({ ...report, problems: report.problems.map((p) => ({ ...p, tenantCode: codes.get(p.tenantId) ?? null })) }, null, 2)}\n`);
    } else {
      console.log(`Журнал доступа: организаций — ${report.tenants}, записей — ${report.rows}, нарушений — ${report.problems.length}.`);
      for (const a of report.anchored) console.log(`  ${a.tenantId}: цепочка начинается с записи ${a.seq} (ранние месяцы удалены по сроку хранения)`);
      for (const p of report.problems) console.log(`  НАРУШЕНИЕ ${codes.get(p.tenantId) ?? p.tenantId} запись ${p.seq ?? '—'}: ${p.problem}`);
    }
    return report.problems.length ? 1 : 0;
  } finally {
    await client.end();
  }
}
