import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import type { Scope } from '@nastavnik/platform/tenancy/scope';
import { TenantContext } from '@nastavnik/platform/tenancy/tenant-context';
import { ReportingCoreModule, ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import type { ReportFileEntity } from '@nastavnik/reporting/report-file.entity';
import { ReportService } from '@nastavnik/reporting/report.service';

/**
 * Operators' report commands, wired into `tools/cli/cli.ts`:
 *   report school --org <код> --period 2022/2023 --out <file.pdf>
 *   report region --region <код региона или муниципалитета> --period … --out <file.pdf> [--codes T1,T3]
 *   extract --form MENTORING-R145 --period … --out <file.xlsx|file.csv> [--region <код>]
 * They go through the same service, queue and worker as the API, as the platform admin; the
 * running worker renders (or, with --inline, consumers started in this process).
 */
export const REPORT_USAGE = `  npm run -s cli -- report school --org <код организации> --period <2022/2023> --out <файл.pdf> [--inline]
  npm run -s cli -- report region --region <код региона или муниципалитета> --period <2022/2023> --out <файл.pdf> [--codes T1,T3] [--inline]
  npm run -s cli -- extract --form <код формы> --period <2022/2023> --out <файл.xlsx|файл.csv> [--region <код региона>] [--inline]`;

export type ReportCommandOptions = { org?: string; region?: string; period?: string; out?: string; form?: string; codes?: string; inline?: boolean; timeoutMs?: number };

const ADMIN: Scope = { role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: 'cli' };

/** `report school|region …`; returns the process exit code. */
export async function reportCommand(kind: string | undefined, options: ReportCommandOptions, config: AppConfig = loadConfig()): Promise<number> {
  if ((kind !== 'school' && kind !== 'region') || !options.period || !options.out || !(kind === 'school' ? options.org : options.region)) {
    console.error(`Использование:\n${REPORT_USAGE}`);
    return 2;
  }
  return withReports(config, options, async (reports, node) => {
    if (kind === 'school') return reports.requestSchoolReport({ period: options.period as string, tenantId: await node(options.org as string, 'organisation') });
    const codes = options.codes ? options.codes.split(',').map((c) => c.trim()).filter(Boolean) : undefined;
    return reports.requestRegionReport({ period: options.period as string, parentId: await node(options.region as string, 'region-or-municipality'), codes });
  });
}

/** `extract --form … --period … --out …`; the format follows the file's extension. */
export async function extractCommand(options: ReportCommandOptions, config: AppConfig = loadConfig()): Promise<number> {
  if (!options.form || !options.period || !options.out) {
    console.error(`Использование:\n${REPORT_USAGE}`);
    return 2;
  }
  const format = options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  return withReports(config, options, async (reports, node) =>
    reports.requestExtract({ formCode: options.form as string, period: options.period as string, regionId: options.region ? await node(options.region, 'region') : undefined, format }),
  );
}

/** Parses `--key value` pairs (and the `--inline` flag). */
export function parseReportOptions(args: string[]): ReportCommandOptions {
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i += 1) {
    const key = args[i].replace(/^--/, '');
    if (key === 'inline') options.inline = true;
    else options[key] = args[++i];
  }
  return options as ReportCommandOptions;
}

type NodeLookup = (code: string, kind: 'organisation' | 'region' | 'region-or-municipality') => Promise<string>;

async function withReports(config: AppConfig, options: ReportCommandOptions, request: (reports: ReportService, node: NodeLookup) => Promise<ReportFileEntity>): Promise<number> {
  const imports = options.inline ? [PlatformModule.forRoot(config), QueueModule, ReportingWorkerModule, QueueWorkersModule] : [PlatformModule.forRoot(config), QueueModule, ReportingCoreModule];
  @Module({ imports })
  class ReportCliModule {}
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ReportCliModule, { logger: ['error'] });
  await app.init();
  const context = app.get(TenantContext);
  const reports = app.get(ReportService);
  const inScope = <T>(work: () => Promise<T>) => context.runInScope(ADMIN, work);
  try {
    const node: NodeLookup = async (code, kind) => {
      const em = await context.manager();
      const [row] = await em.query(`select id, kind from tenants where code = $1`, [code]);
      const fits = row && (kind === 'organisation' ? row.kind === 'organisation' : kind === 'region' ? row.kind === 'region' : row.kind !== 'organisation');
      if (!fits) throw new Error(kind === 'organisation' ? `Не найдена организация с кодом «${code}».` : `Не найден регион${kind === 'region' ? '' : ' или муниципалитет'} с кодом «${code}».`);
      return row.id as string;
    };
    const report = await inScope(() => request(reports, node));
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    let last = -1;
    for (;;) {
      const current = await inScope(() => reports.get(report.id));
      if (current.progress !== last) process.stderr.write(`${current.status} ${current.progress} %\n`);
      last = current.progress;
      if (current.status === 'done') break;
      if (current.status === 'failed') {
        console.error(`Отчёт не сформирован: ${current.error ?? 'ошибка'}`);
        return 1;
      }
      if (Date.now() > deadline) {
        console.error(`Отчёт ${report.id} всё ещё «${current.status}». Запущен ли воркер (npm run start:worker)? Или добавьте --inline.`);
        return 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const file = await inScope(() => reports.file(report.id));
    writeFileSync(options.out as string, file.bytes);
    console.log(`${options.out}: ${file.fileName} (${file.contentType}, ${file.bytes.length} байт)`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  } finally {
    await app.close();
  }
}
