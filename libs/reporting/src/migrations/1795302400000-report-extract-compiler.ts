import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who compiled a form extract (docs/adr/0037): name, position and phone, printed in the extract's
 * title block as a statistics department requires. Typed on the «Выгрузки» page with the request,
 * kept only in the request's row (and its file), never returned by GraphQL; only extracts carry it.
 * Personal data, declared in libs/reporting/src/personal-data.ts.
 */
export class ReportExtractCompiler1795302400000 implements MigrationInterface {
  name = 'ReportExtractCompiler1795302400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table report_files add column compiler jsonb`);
    await q.query(
      `alter table report_files add constraint report_files_compiler check (
         compiler is null or (kind in ('extract_xlsx', 'extract_csv') and jsonb_typeof(compiler) = 'object'
                              and compiler ?& array['name', 'position', 'phone'] and octet_length(compiler::text) <= 2000))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table report_files drop constraint report_files_compiler`);
    await q.query(`alter table report_files drop column compiler`);
  }
}
