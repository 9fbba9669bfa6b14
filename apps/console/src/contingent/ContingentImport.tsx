import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Box, Button, Card, CardContent, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { type ChangeEvent, useState } from 'react';
import { Title, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AppRole } from '@nastavnik/contracts/roles';
import type { ConsoleDataProvider } from '../dataProvider';
import { academicYears } from '../common/graphql';
import { formatOf, saveFile } from '../participants/importFile';

type Line = { line: number; tenantCode: string; tenantName: string; schoolYear: string; pupils: number; pupils10To19: number; pupils15To19: number; teachers: number; replaces: boolean };
type Report = { dryRun: boolean; committed: boolean; lines: Line[]; errors: { line: number | null; column: string | null; message: string }[] };

const IMPORT = `mutation ImportContingents($file: String!, $format: ImportFormat!, $dry: Boolean!, $year: String) {
  importSchoolContingents(file: $file, format: $format, dryRun: $dry, schoolYear: $year) {
    dryRun committed errors { line column message } lines { line tenantCode tenantName schoolYear pupils pupils10To19 pupils15To19 teachers replaces }
  }
}`;
const TEMPLATE = 'query ContingentTemplate($region: Boolean!) { schoolContingentTemplate(region: $region) }';
/** The GraphQL import takes files up to 1.5 MB (a region's file of a thousand schools is ~100 KB). */
const MAX_BYTES = 1_500_000;

function base64Of(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * «Загрузка контингента»: a school's file (a row per school year) or a region analyst's (a row
 * per school by «Код ОО»). «Проверить» is the dry run — every bad line with its Russian reason and
 * line number, the lines as they would be written; «Загрузить» writes all of them or nothing.
 */
export const ContingentImport = () => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.contingents.import.${key}`, options);
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { permissions } = usePermissions<AppRole>();
  const region = permissions === 'region-analyst';
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [year, setYear] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const run = async (dry: boolean) => {
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      const result = await dataProvider.graphql<{ importSchoolContingents: Report }>(IMPORT, { file: file.base64, format: formatOf(file.name), dry, year: year || null });
      setReport(result.importSchoolContingents);
      if (result.importSchoolContingents.committed) {
        notify(t('done', { count: result.importSchoolContingents.lines.length }), { type: 'success' });
        navigate('/contingents');
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  };
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    setReport(null);
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setError('Файл больше 1,5 МБ: разделите его на части.');
      return;
    }
    setFile({ name: chosen.name, base64: base64Of(await chosen.arrayBuffer()) });
  };
  const template = async () => {
    try {
      const result = await dataProvider.graphql<{ schoolContingentTemplate: string }>(TEMPLATE, { region });
      const bytes = Uint8Array.from(atob(result.schoolContingentTemplate), (c) => c.charCodeAt(0));
      saveFile(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), region ? 'Шаблон контингента школ региона.xlsx' : 'Шаблон контингента.xlsx');
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
    }
  };

  const clean = report !== null && report.errors.length === 0 && report.lines.length > 0;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={t('title')} />
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {t('title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t(region ? 'intro_region' : 'intro')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
          <Button startIcon={<DownloadIcon />} onClick={template}>
            {t('template')}
          </Button>
          <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
            {t('choose')}
            <input hidden type="file" accept=".xlsx,.csv,.txt" onChange={pick} data-testid="contingent-file" />
          </Button>
          {file && <Typography variant="body2">{file.name}</Typography>}
          <TextField select size="small" label={t('year')} value={year} onChange={(e) => setYear(e.target.value)} sx={{ minWidth: 320 }}>
            <MenuItem value="">—</MenuItem>
            {academicYears().map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
          <Button variant="outlined" disabled={!file || pending} onClick={() => run(true)}>
            {t('check')}
          </Button>
          <Button variant="contained" disabled={!clean || pending} onClick={() => run(false)}>
            {t('commit')}
          </Button>
        </Box>
        {pending && <LinearProgress />}
        {error && <Alert severity="error">{error}</Alert>}
        {report && report.errors.length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="contingent-import-errors">
            <AlertTitle>{t('errors')}</AlertTitle>
            {report.errors.map((e, i) => (
              <div key={i}>{e.message}</div>
            ))}
          </Alert>
        )}
        {clean && <Alert severity="success" sx={{ mb: 2 }}>{t('ok')}</Alert>}
        {report && report.lines.length > 0 && (
          <Table size="small" data-testid="contingent-import-lines">
            <TableHead>
              <TableRow>
                <TableCell>{t('line')}</TableCell>
                {region && <TableCell>{translate('resources.contingents.fields.tenantName')}</TableCell>}
                <TableCell>{translate('resources.contingents.fields.schoolYear')}</TableCell>
                <TableCell align="right">{translate('resources.contingents.fields.pupils')}</TableCell>
                <TableCell align="right">{translate('resources.contingents.fields.pupils10To19')}</TableCell>
                <TableCell align="right">{translate('resources.contingents.fields.pupils15To19')}</TableCell>
                <TableCell align="right">{translate('resources.contingents.fields.teachers')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {report.lines.map((line) => (
                <TableRow key={line.line}>
                  <TableCell>{line.line}</TableCell>
                  {region && <TableCell>{line.tenantName}</TableCell>}
                  <TableCell>{line.schoolYear}</TableCell>
                  <TableCell align="right">{line.pupils}</TableCell>
                  <TableCell align="right">{line.pupils10To19}</TableCell>
                  <TableCell align="right">{line.pupils15To19}</TableCell>
                  <TableCell align="right">{line.teachers}</TableCell>
                  <TableCell>{line.replaces ? t('replaces') : t('new')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
