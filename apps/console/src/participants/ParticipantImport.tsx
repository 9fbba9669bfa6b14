import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ChangeEvent, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { ConsoleDataProvider } from '../dataProvider';
import { StatTiles } from '../dashboard/StatTiles';
import { importPath, MAX_IMPORT_BYTES } from './importFile';

export type ImportProblem = { line: number; column: string | null; message: string };
export type ImportReport = { rows: number; created: number; updated: number; unchanged: number; dryRun: boolean; committed: boolean; errors: ImportProblem[] };

/**
 * «Импорт из Excel»: pick a file, a dry run shows what would happen (rows, created/updated/
 * unchanged, every bad line with its Russian reason), then «Загрузить» commits the same bytes.
 * The file goes to `POST /participants/import` as it is (up to 5 MB), with the console's token.
 */
export const ParticipantImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.participants.import.${key}`, options);
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [file, setFile] = useState<{ name: string; bytes: Blob } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pending, setPending] = useState(false);

  const send = async (chosen: { name: string; bytes: Blob }, dryRun: boolean): Promise<ImportReport | undefined> => {
    setPending(true);
    try {
      return await dataProvider.uploadFile<ImportReport>(importPath(chosen.name, dryRun), chosen.bytes);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return undefined;
    } finally {
      setPending(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setReport(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      notify(t('tooBig'), { type: 'error' });
      return setFile(null);
    }
    // The bytes as they are now: «Загрузить» sends what the dry run checked, even if the file changes on disk.
    const picked = { name: chosen.name, bytes: new Blob([await chosen.arrayBuffer()]) };
    event.target.value = ''; // the same file, fixed, can be chosen again
    setFile(picked);
    const result = await send(picked, true);
    if (result) setReport(result);
  };

  const commit = async () => {
    if (!file) return;
    const result = await send(file, false);
    if (!result) return;
    setReport(result);
    notify(t('done', { created: result.created, updated: result.updated }), { type: 'success' });
  };

  const committed = report?.committed ?? false;
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={t('title')} />
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={pending}>
          {t('choose')}
          <input hidden type="file" accept=".xlsx,.csv" data-testid="import-file" onChange={choose} />
        </Button>
        <Typography>{file?.name}</Typography>
      </Box>
      {pending && <LinearProgress />}
      {report && (
        <Card variant="outlined" data-testid="import-report">
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Alert severity={committed ? 'success' : report.errors.length ? 'warning' : 'info'}>
              {committed ? t('done', { created: report.created, updated: report.updated }) : report.errors.length ? t('fixErrors') : t('dryRunDone')}
            </Alert>
            <StatTiles
              stats={[
                { label: t('rows'), value: report.rows },
                { label: t('created', { smart_count: committed ? 2 : 1 }), value: report.created },
                { label: t('updated', { smart_count: committed ? 2 : 1 }), value: report.updated },
                { label: t('unchanged'), value: report.unchanged },
                { label: t('errors'), value: report.errors.length },
              ]}
            />
            {report.errors.length > 0 && (
              <Table size="small" data-testid="import-errors">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('line')}</TableCell>
                    <TableCell>{t('column')}</TableCell>
                    <TableCell>{t('message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.errors.map((problem, index) => (
                    <TableRow key={`${problem.line}-${index}`}>
                      <TableCell>{problem.line}</TableCell>
                      <TableCell>{problem.column ?? '—'}</TableCell>
                      <TableCell>{problem.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Box sx={{ display: 'flex', gap: 1 }}>
              {!committed && (
                <Button variant="contained" onClick={commit} disabled={pending || report.errors.length > 0 || report.created + report.updated === 0}>
                  {t('commit')}
                </Button>
              )}
              {committed && <Button onClick={() => navigate('/participants')}>{translate('resources.participants.name', { smart_count: 2 })}</Button>}
            </Box>
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
