import DownloadIcon from '@mui/icons-material/Download';
import TableViewIcon from '@mui/icons-material/TableView';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useNotify, usePermissions } from 'react-admin';
import type { ConsoleIdentity } from '../auth/token';
import type { AppRole } from '@nastavnik/contracts/roles';
import { academicYears, currentAcademicYear, useGraphqlAction } from '../common/graphql';
import { fetchAllTenants, useApi } from '../dashboard/useApi';
import type { ConsoleDataProvider } from '../dataProvider';
import type { Tenant } from '../tenants/types';
import { downloadReport, isFinished, periodOf, POLL_MS, type Report, REPORT_FIELDS } from './report';
import { ReportProgress } from './ReportProgress';

type StatisticalForm = { code: string; name: string; version: string; validFrom: string; title: string; lines: number };
type Compiler = { name: string; position: string; phone: string };

const PHONE = /^\+?[0-9][0-9 ()-]{4,38}$/;

const ALL_REGIONS = 'all';
const LIST_SIZE = 25;

const ruDate = (iso: string) => iso.split('-').reverse().join('.');
const ruDateTime = (iso: string) => new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const formKey = (form: Pick<StatisticalForm, 'code' | 'version'>) => `${form.code}@${form.version}`;

/** The extracts the caller requested (both formats), newest first. */
async function recentExtracts(dataProvider: ConsoleDataProvider): Promise<Report[]> {
  const { xlsx, csv } = await dataProvider.graphql<{ xlsx: Report[]; csv: Report[] }>(
    `query Extracts($perPage: Int!) {
      xlsx: allReports(filter: { kind: EXTRACT_XLSX }, perPage: $perPage, sortField: "requestedAt", sortOrder: "DESC") { ${REPORT_FIELDS} }
      csv: allReports(filter: { kind: EXTRACT_CSV }, perPage: $perPage, sortField: "requestedAt", sortOrder: "DESC") { ${REPORT_FIELDS} }
    }`,
    { perPage: LIST_SIZE },
  );
  return [...xlsx, ...csv].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)).slice(0, LIST_SIZE);
}

/**
 * «Выгрузки»: a federal statistical form (its Russian name and version) for a region or every
 * region and a school year, as XLSX or CSV — aggregates only, built by the worker from indicator
 * snapshots. The form's title block names its compiler, position and phone (docs/adr/0037): the
 * name comes from the signed-in account, position and phone are typed here; they go with the
 * request only (kept in its row and printed in its file, never shown back by the API).
 * Below, the extracts requested before: their state (a progress bar while they are made) and the
 * file to download.
 */
export const ExtractsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { permissions: role } = usePermissions<AppRole>();
  const federal = role === 'ministry-official' || role === 'platform-admin';
  const forms = useApi<StatisticalForm[]>('statistical-forms', (dp) =>
    dp.graphql<{ statisticalForms: StatisticalForm[] }>('query Forms { statisticalForms { code name version validFrom title lines } }').then((r) => r.statisticalForms),
  );
  const regions = useApi<Tenant[]>('regions', (dp) => fetchAllTenants(dp, { kind: 'REGION' }));
  const [form, setForm] = useState('');
  const [regionId, setRegionId] = useState('');
  const [period, setPeriod] = useState(currentAcademicYear());
  const [format, setFormat] = useState<'XLSX' | 'CSV'>('XLSX');
  const { data: identity } = useGetIdentity();
  const [compiler, setCompiler] = useState<Compiler>({ name: '', position: '', phone: '' });
  const [errors, setErrors] = useState<{ form?: string; regionId?: string; period?: string; name?: string; position?: string; phone?: string }>({});
  const [extracts, setExtracts] = useState<Report[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const { run, pending } = useGraphqlAction<{ requestExtract: Report }>();

  // Defaults once the choices arrive: the newest version of the first form; every region for the
  // federal level, the only visible region for a regional analyst.
  useEffect(() => {
    if (!form && forms.data?.[0]) setForm(formKey(forms.data[0]));
  }, [form, forms.data]);
  const accountName = (identity as ConsoleIdentity | undefined)?.fullName;
  useEffect(() => {
    if (accountName) setCompiler((c) => (c.name ? c : { ...c, name: accountName }));
  }, [accountName]);
  useEffect(() => {
    if (regionId || !regions.data) return;
    if (federal) setRegionId(ALL_REGIONS);
    else if (regions.data.length === 1) setRegionId(regions.data[0].id);
  }, [federal, regionId, regions.data]);

  const reload = useCallback(
    () =>
      recentExtracts(dataProvider).then(
        (list) => (setExtracts(list), setListError(null)),
        (error: Error) => setListError(error.message),
      ),
    [dataProvider],
  );
  useEffect(() => void reload(), [reload]);
  const unfinished = (extracts ?? []).some((report) => !isFinished(report));
  useEffect(() => {
    if (!unfinished) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [reload, unfinished]);

  const chosen = forms.data?.find((f) => formKey(f) === form);
  const validate = () => {
    const found: typeof errors = {};
    if (!chosen) found.form = 'Выберите статистическую форму и её версию.';
    if (!regionId) found.regionId = federal ? 'Выберите регион или «Все регионы».' : 'Выберите регион.';
    if (!/^\d{4}\/\d{4}$/.test(period)) found.period = 'Выберите учебный год.';
    if (!compiler.name.trim()) found.name = 'Укажите составителя (Ф. И. О.).';
    if (!compiler.position.trim()) found.position = 'Укажите должность составителя.';
    if (!PHONE.test(compiler.phone.trim())) found.phone = 'Телефон: цифры, пробелы, скобки, дефисы, от 5 до 40 символов.';
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const request = async () => {
    if (!validate() || !chosen) return;
    const result = await run(
      `mutation Extract($formCode: String!, $formVersion: String, $period: String!, $regionId: ID, $format: ExtractFormat!, $compiler: ExtractCompilerInput) {
        requestExtract(formCode: $formCode, formVersion: $formVersion, period: $period, regionId: $regionId, format: $format, compiler: $compiler) { ${REPORT_FIELDS} }
      }`,
      {
        formCode: chosen.code,
        formVersion: chosen.version,
        period,
        regionId: regionId === ALL_REGIONS ? null : regionId,
        format,
        compiler: { name: compiler.name.trim(), position: compiler.position.trim(), phone: compiler.phone.trim() },
      },
    );
    if (!result) return;
    const report = result.requestExtract;
    notify(report.status === 'DONE' ? 'Такая выгрузка уже сформирована сегодня: её можно скачать в списке ниже.' : 'Выгрузка поставлена в очередь. Ход формирования — в списке ниже.', { type: 'info' });
    setExtracts((list) => [report, ...(list ?? []).filter((r) => r.id !== report.id)]);
  };
  const download = async (report: Report) => {
    try {
      await downloadReport(dataProvider, report, `vygruzka-${report.id}.${report.kind === 'EXTRACT_CSV' ? 'csv' : 'xlsx'}`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const formName = (report: Report) => `${forms.data?.find((f) => f.code === report.formCode)?.name ?? report.formCode}, версия ${report.formVersion}`;
  const territory = (report: Report) => (report.tenantId ? (regions.data?.find((r) => r.id === report.tenantId)?.shortName ?? '—') : 'Все регионы');

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="Выгрузки" />
      <Typography variant="h5" component="h1">
        Выгрузки по статистическим формам
      </Typography>
      <Card variant="outlined" data-testid="extract-form">
        <CardHeader
          title="Новая выгрузка"
          subheader="Только агрегированные показатели (Σ числителей / Σ знаменателей по организациям): лист на каждый регион (регион без данных — нулями) и, для всех регионов, итог по Российской Федерации."
          slotProps={{ title: { variant: 'h6' } }}
        />
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {(forms.error || regions.error) && <Alert severity="error">{(forms.error ?? regions.error)?.message}</Alert>}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <TextField
              select
              fullWidth={false}
              label="Форма и версия"
              value={form}
              onChange={(event) => setForm(event.target.value)}
              error={!!errors.form}
              helperText={errors.form ?? (chosen ? `${chosen.title}; строк: ${chosen.lines}` : ' ')}
              sx={{ minWidth: 360, maxWidth: 520 }}
              data-testid="extract-form-select"
            >
              {(forms.data ?? []).map((f) => (
                <MenuItem key={formKey(f)} value={formKey(f)}>
                  {f.name}, версия {f.version} (действует с {ruDate(f.validFrom)})
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              fullWidth={false}
              label="Территория"
              value={regionId}
              onChange={(event) => setRegionId(event.target.value)}
              error={!!errors.regionId}
              helperText={errors.regionId ?? ' '}
              sx={{ minWidth: 260 }}
              data-testid="extract-region-select"
            >
              {federal && <MenuItem value={ALL_REGIONS}>Все регионы</MenuItem>}
              {(regions.data ?? []).map((region) => (
                <MenuItem key={region.id} value={region.id}>
                  {region.shortName}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              fullWidth={false}
              label="Учебный год"
              value={period}
              onChange={(event) => setPeriod(event.target.value)}
              error={!!errors.period}
              helperText={errors.period ?? ' '}
              sx={{ minWidth: 160 }}
              data-testid="extract-period-select"
            >
              {academicYears().map((year) => (
                <MenuItem key={year} value={year}>
                  {year}
                </MenuItem>
              ))}
            </TextField>
            <Box>
              <FormLabel id="extract-format" sx={{ fontSize: 12 }}>
                Формат файла
              </FormLabel>
              <RadioGroup row aria-labelledby="extract-format" value={format} onChange={(event) => setFormat(event.target.value as 'XLSX' | 'CSV')}>
                <FormControlLabel value="XLSX" control={<Radio size="small" />} label="Excel (XLSX)" />
                <FormControlLabel value="CSV" control={<Radio size="small" />} label="CSV" />
              </RadioGroup>
            </Box>
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }} data-testid="extract-compiler">
            <TextField
              fullWidth={false}
              label="Составитель (Ф. И. О.)"
              value={compiler.name}
              onChange={(event) => setCompiler({ ...compiler, name: event.target.value })}
              error={!!errors.name}
              helperText={errors.name ?? 'Печатается в реквизитах формы'}
              sx={{ minWidth: 300 }}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              fullWidth={false}
              label="Должность"
              value={compiler.position}
              onChange={(event) => setCompiler({ ...compiler, position: event.target.value })}
              error={!!errors.position}
              helperText={errors.position ?? ' '}
              sx={{ minWidth: 300 }}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <TextField
              fullWidth={false}
              label="Контактный телефон"
              value={compiler.phone}
              onChange={(event) => setCompiler({ ...compiler, phone: event.target.value })}
              error={!!errors.phone}
              helperText={errors.phone ?? 'Например: +7 (495) 123-45-67'}
              sx={{ minWidth: 220 }}
              slotProps={{ htmlInput: { maxLength: 40, inputMode: 'tel' } }}
            />
          </Box>
          <Typography variant="caption" color="text.secondary">
            Ф. И. О., должность и телефон составителя хранятся только вместе с этим запросом и печатаются в реквизитах файла; кроме них персональных данных в выгрузке нет.
          </Typography>
          <Box>
            <Button variant="contained" startIcon={<TableViewIcon />} onClick={request} disabled={pending || forms.isPending || regions.isPending}>
              Сформировать выгрузку
            </Button>
          </Box>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardHeader title="Запрошенные выгрузки" subheader="Одинаковый запрос в течение дня даёт тот же файл." slotProps={{ title: { variant: 'h6' } }} />
        <CardContent>
          {listError && <Alert severity="error">{listError}</Alert>}
          {extracts === null && !listError && <LinearProgress />}
          {extracts?.length === 0 && <Typography color="text.secondary">Выгрузок пока нет.</Typography>}
          {extracts && extracts.length > 0 && (
            // `contain: inline-size`: a wide table scrolls inside its card instead of widening the page.
            <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
            <Table size="small" data-testid="extracts" sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>Запрошена</TableCell>
                  <TableCell>Форма</TableCell>
                  <TableCell>Учебный год</TableCell>
                  <TableCell>Территория</TableCell>
                  <TableCell>Формат</TableCell>
                  <TableCell sx={{ width: 260 }}>Состояние</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {extracts.map((report) => (
                  <TableRow key={report.id} data-testid="extract-row" data-status={report.status} data-id={report.id}>
                    <TableCell>{ruDateTime(report.requestedAt)}</TableCell>
                    <TableCell sx={{ '&&': { whiteSpace: 'normal' }, minWidth: 220 }}>{formName(report)}</TableCell>
                    <TableCell>{periodOf(report) ?? '—'}</TableCell>
                    <TableCell>{territory(report)}</TableCell>
                    <TableCell>{report.kind === 'EXTRACT_CSV' ? 'CSV' : 'XLSX'}</TableCell>
                    <TableCell>
                      <ReportProgress report={report} />
                    </TableCell>
                    <TableCell align="right">
                      {report.status === 'DONE' && (
                        <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(report)}>
                          Скачать
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            </Box>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
