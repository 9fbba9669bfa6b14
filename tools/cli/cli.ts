import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@nastavnik/platform/config/app-config';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule } from '@nastavnik/platform/queue/queue.module';
import { IndicatorEngine } from '@nastavnik/monitoring/indicator-engine';
import { IndicatorsWorkerModule } from '@nastavnik/monitoring/indicators.module';
import { storeOutcomeSnapshots } from '@nastavnik/monitoring/outcomes/outcome-snapshots';
import { JOURNAL_USAGE, journalCommand } from './journal-commands';
import { extractCommand, parseReportOptions, REPORT_USAGE, reportCommand } from './report-commands';

const USAGE = `Использование:
  npm run -s cli -- indicators --org <код организации> --period <2022/2023> [--json]
  npm run -s cli -- indicators --region <код региона или муниципалитета> --period <2022/2023> [--json]   (и результаты до/после OUT.* региона)
${REPORT_USAGE}
${JOURNAL_USAGE}`;

/** Operators' command line; the work goes through the same services as the worker. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Reports and extracts go through the same queue and worker (--inline starts one in this process).
  if (command === 'report') return reportCommand(rest[0], parseReportOptions(rest.slice(1)));
  if (command === 'extract') return extractCommand(parseReportOptions(rest));
  if (command === 'journal') return journalCommand(rest);
  const options = parseOptions(rest);
  if (command !== 'indicators' || !options.period || !(options.org || options.region)) {
    console.error(USAGE);
    return 2;
  }
  @Module({ imports: [PlatformModule.forRoot(loadConfig()), QueueModule, IndicatorsWorkerModule] })
  class CliModule {}
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const engine = app.get(IndicatorEngine);
    const code = (options.org ?? options.region) as string;
    const client = await engine.connect();
    let node: { id: string; kind: string; path: string } | undefined;
    try {
      [node] = (await client.query(`select id, kind, path::text as path from tenants where code = $1`, [code])).rows;
    } finally {
      client.release();
    }
    if (!node || (options.org && node.kind !== 'organisation') || (options.region && node.kind === 'organisation')) {
      console.error(`Не найден${options.org ? 'а организация' : ' регион или муниципалитет'} с кодом «${code}».`);
      return 1;
    }
    const rows = await engine.recompute(options.org ? { tenantIds: [node.id] } : { path: node.path }, options.period);
    if (options.region) {
      // The region's before/after sums (OUT.*, docs/adr/0035), as the worker's nightly job stores them.
      const outcomes = await engine.connect();
      try {
        await storeOutcomeSnapshots(outcomes, options.period, node.path);
      } finally {
        outcomes.release();
      }
    }
    if (options.json) {
      const output = rows.map(({ code: indicator, numerator, denominator, value, tenantId }) =>
        options.org ? { code: indicator, numerator, denominator, value } : { tenantId, code: indicator, numerator, denominator, value });
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      for (const r of rows) console.log(`${r.code.padEnd(8)} ${String(r.numerator).padStart(6)} / ${String(r.denominator ?? '—').padStart(6)}  →  ${r.value ?? '—'}`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

function parseOptions(args: string[]): { org?: string; region?: string; period?: string; json?: boolean } {
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i += 1) {
    const key = args[i].replace(/^--/, '');
    if (key === 'json') options.json = true;
    else options[key] = args[++i];
  }
  return options;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
