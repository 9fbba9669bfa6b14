import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { PlatformModule } from '@nastavnik/platform/platform.module';
import { QueueModule, QueueWorkersModule } from '@nastavnik/platform/queue/queue.module';
import { ReportingWorkerModule } from '@nastavnik/reporting/reporting.module';
import { readTestEnv } from '@nastavnik/testing/test-env';
import { TestDb, testConfig, tokenFor, type TenantRow } from '@nastavnik/testing/test-context';
import { TestApi } from './test-api';
import { downloadReportFile } from './report-files';

const PERIOD = '2022/2023';
const HYPERLINK = '=HYPERLINK("http://x","клик")';
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;


/**
 * A region whose name starts like a formula, through the whole extract path: GraphQL request →
 * worker (in this process, real queue) → `GET /reports/:id/file`. The file must carry the name as
 * inert text (OWASP «CSV Injection»), however the ministry opens or re-saves it.
 */
describe('extracts: a formula-like region name is written as text', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: TestDb;
  let region: TenantRow;
  const official = tokenFor('ministry-official', null);

  const requestExtract = async (format: 'CSV' | 'XLSX'): Promise<Buffer> => {
    const response = await api.gql<{ r: { id: string } }>(official, `mutation($id: ID) { r: requestExtract(formCode: "MENTORING-R145", period: "${PERIOD}", format: ${format}, regionId: $id) { id } }`, { id: region.id });
    expect(response.errors).toBeUndefined();
    const id = response.data!.r.id;
    return downloadReportFile(api, db, official, id);
  };

  beforeAll(async () => {
    // A Redis prefix of its own: another spec's extract worker (in a parallel jest worker) would take this one's jobs.
    const config = testConfig(undefined, { REDIS_PREFIX: `${readTestEnv().redisPrefix}:extract-formula-safety` });
    api = await TestApi.start(config);
    @Module({ imports: [PlatformModule.forRoot(config), QueueModule, ReportingWorkerModule, QueueWorkersModule] })
    class ExtractWorkerModule {}
    worker = await NestFactory.createApplicationContext(ExtractWorkerModule, { logger: false });
    await worker.init();
    db = new TestDb();
    const world = await db.newSchoolWorld();
    region = world.region;
    await db.owner.query(`update tenants set short_name = $2, full_name = $2 where id = $1`, [region.id, HYPERLINK]);
    await db.owner.query(
      `insert into indicator_snapshots (tenant_id, tenant_path, period, indicator_code, numerator, denominator, computation_id)
       values ($1, $2::ltree, $3, 'T1', 55, 108, gen_random_uuid()), ($1, $2::ltree, $3, 'MENTORS', 15, null, gen_random_uuid())`,
      [world.school.id, world.school.path, PERIOD],
    );
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await db.close();
  });

  it('CSV: the name gets a leading apostrophe inside an RFC 4180 quoted field', async () => {
    const text = (await requestExtract('CSV')).toString('utf8');
    const lines = text.split('\r\n');
    const line01 = lines.find((line) => line.startsWith(`"'=HYPERLINK(`) && line.includes(';01;'));
    expect(line01).toBe(`"'=HYPERLINK(""http://x"",""клик"")";Доля детей 10–19 лет, вошедших в программы наставничества в роли наставляемого;01;процент;744;55;108;51`);
    // The respondent of the title block (the region's full name) too.
    expect(lines).toContain(`Респондент;"'=HYPERLINK(""http://x"",""клик"")"`);
    expect(text).not.toContain(`;"=HYPERLINK(`);
    expect(lines.filter((line) => /^"?[=+\-@]/.test(line))).toEqual([]);
  });

  it('XLSX: read back, no text cell starts a formula, the name is there as text, numbers are numbers', async () => {
    const bytes = await requestExtract('XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const strings: string[] = [];
    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') strings.push(cell.value);
          if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        }),
      );
    }
    expect(formulas).toBe(0);
    expect(strings).toContain(`'${HYPERLINK}`); // the respondent in the title block
    // The sheet is named by the region's name (a sheet name is never evaluated; Excel's forbidden characters are replaced).
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['=HYPERLINK("http x","клик")']);
    expect(strings.filter((s) => FORMULA_START.test(s))).toEqual([]);
    // A workbook someone re-saves as CSV (here: ExcelJS's own CSV writer) stays inert as well.
    const resaved = Buffer.from(await workbook.csv.writeBuffer({ sheetName: workbook.worksheets[0].name })).toString('utf8');
    expect(resaved.split(/\r?\n/).filter((line) => /^"?[=+\-@]/.test(line))).toEqual([]);
  });
});
