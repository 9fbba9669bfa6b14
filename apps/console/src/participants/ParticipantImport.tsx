import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Box, Button, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ChangeEvent, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { ConsoleDataProvider } from '../dataProvider';
import { StatTiles } from '../dashboard/StatTiles';
import { FileReading, ImportColumnMapping, type ImportColumn, type ImportLayout, type ImportTitleLine } from './ImportColumnMapping';
import { columnsPath, importPath, MAX_IMPORT_BYTES, rejectedName, rejectedPath, saveFile, TEMPLATE_NAME, TEMPLATE_PATH, type ColumnChoices } from './importFile';

export type ImportProblem = { line: number; column: string | null; message: string };
export type ImportReport = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  committed: boolean;
  errors: ImportProblem[];
  headerLine: number;
  titleLines: ImportTitleLine[];
  columns: ImportColumn[];
  encoding: string | null;
  delimiter: string | null;
};

type Picked = { name: string; bytes: Blob };

/** A column waits for the curator when the import does not know it, or the file cannot be read as it is mapped. */
function needsMapping(layout: ImportLayout): boolean {
  return layout.problems.length > 0 || layout.columns.some((column) => column.field === null);
}

function choicesOf(layout: ImportLayout): Map<string, string> {
  return new Map(layout.columns.map((column) => [column.letter, column.field ?? '']));
}

/** What to send as `mapping`: every column whose field is not simply the table's reading of its heading. */
function mappingOf(layout: ImportLayout, choices: ReadonlyMap<string, string>): ColumnChoices {
  const entries: [string, string][] = [];
  for (const column of layout.columns) {
    const chosen = choices.get(column.letter) ?? '';
    if (chosen !== '' && (column.source !== 'TABLE' || chosen !== column.field)) entries.push([column.heading, chosen]);
  }
  // Own properties whatever the heading is («__proto__» included): fromEntries defines, it does not assign.
  return Object.fromEntries(entries);
}

/**
 * «Импорт из Excel»: a school's list as it is. The file goes to `POST /participants/import/columns`
 * first: the header is found below any title rows and each column is read by its heading or by the
 * school's saved mapping; columns the import does not know wait in the mapping step. Then a dry run
 * shows what would happen (rows, created/updated/unchanged, every bad line with its Russian
 * reason); «Загрузить» commits all of it, «Внести только верные строки» the valid lines only, and
 * the others download as an XLSX with «Ошибка» to fix and load again. Whatever refuses the file as
 * a whole stays on the page as an alert. The bytes are kept as chosen: every step sends the same.
 */
export const ParticipantImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.participants.import.${key}`, options);
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [file, setFile] = useState<Picked | null>(null);
  const [layout, setLayout] = useState<ImportLayout | null>(null);
  const [choices, setChoices] = useState<Map<string, string>>(new Map());
  const [mappingOpen, setMappingOpen] = useState(false);
  const [mapping, setMapping] = useState<ColumnChoices>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Runs one request; what refuses it is kept on the page, not in a pop-up that goes away. */
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setFileError(null);
    try {
      return await work();
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      setPending(false);
    }
  };

  const check = async (picked: Picked, chosenMapping: ColumnChoices) => {
    const result = await run(() => dataProvider.uploadFile<ImportReport>(importPath(picked.name, true, { mapping: chosenMapping }), picked.bytes));
    if (result) setReport(result);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setReport(null);
    setLayout(null);
    setMappingOpen(false);
    setMapping({});
    setFileError(null);
    if (!chosen) return setFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFileError(t('tooBig'));
      return setFile(null);
    }
    // The bytes as they are now: every later step sends what was checked, even if the file changes on disk.
    const picked = { name: chosen.name, bytes: new Blob([await chosen.arrayBuffer()]) };
    event.target.value = ''; // the same file, fixed, can be chosen again
    setFile(picked);
    const read = await run(() => dataProvider.uploadFile<ImportLayout>(columnsPath(picked.name), picked.bytes));
    if (!read) return;
    setLayout(read);
    setChoices(choicesOf(read));
    if (needsMapping(read)) return setMappingOpen(true);
    await check(picked, {});
  };

  const confirmMapping = async () => {
    if (!file || !layout) return;
    const next = mappingOf(layout, choices);
    const read = await run(() => dataProvider.uploadFile<ImportLayout>(columnsPath(file.name, next), file.bytes));
    if (!read) return;
    setLayout(read);
    setChoices(choicesOf(read));
    if (read.problems.length > 0) return; // still in the mapping step, with what the API objects to
    setMapping(next);
    setMappingOpen(false);
    setReport(null);
    await check(file, next);
  };

  const commit = async (commitValid: boolean) => {
    if (!file) return;
    const result = await run(() => dataProvider.uploadFile<ImportReport>(importPath(file.name, false, { mapping, commitValid }), file.bytes));
    if (!result) return;
    setReport(result);
    if (result.committed) notify(t(result.errors.length ? 'partialDone' : 'done', { created: result.created, updated: result.updated, rejected: result.rejected }), { type: 'success' });
  };

  const downloadRejected = async () => {
    if (!file) return;
    const blob = await run(() => dataProvider.uploadForFile(rejectedPath(file.name, mapping), file.bytes));
    if (blob) saveFile(blob, rejectedName(file.name));
  };

  const downloadTemplate = async () => {
    const blob = await run(() => dataProvider.fetchFile(TEMPLATE_PATH));
    if (blob) saveFile(blob, TEMPLATE_NAME);
  };

  const committed = report?.committed ?? false;
  const valid = report ? report.created + report.updated + report.unchanged : 0;
  const summary = (current: ImportReport): string => {
    const counts = { created: current.created, updated: current.updated, rejected: current.rejected, valid };
    if (current.committed) return t(current.errors.length ? 'partialDone' : 'done', counts);
    if (current.errors.length === 0) return t('dryRunDone');
    return t(valid > 0 ? 'fixErrors' : 'nothingValid', counts);
  };
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2, maxWidth: '100%', minWidth: 0 }}>
      <Title title={t('title')} />
      <Typography variant="h5" component="h1">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('intro')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={pending}>
          {t('choose')}
          <input hidden type="file" accept=".xlsx,.csv,.txt" data-testid="import-file" onChange={choose} />
        </Button>
        <Button startIcon={<DownloadIcon />} onClick={downloadTemplate} disabled={pending}>
          {t('template')}
        </Button>
        <Typography>{file?.name}</Typography>
      </Box>
      {pending && <LinearProgress />}
      {fileError && (
        <Alert severity="error" data-testid="import-file-error" onClose={() => setFileError(null)}>
          <AlertTitle>{t('fileRefused')}</AlertTitle>
          {fileError}
        </Alert>
      )}
      {mappingOpen && layout && (
        <ImportColumnMapping
          layout={layout}
          choices={choices}
          onChoose={(letter, field) => setChoices((current) => new Map(current).set(letter, field))}
          onCheck={confirmMapping}
          onCancel={() => {
            setMappingOpen(false);
            if (!report) setFile(null);
          }}
          pending={pending}
        />
      )}
      {report && !mappingOpen && (
        <Card variant="outlined" data-testid="import-report">
          <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Alert severity={committed ? 'success' : report.errors.length ? 'warning' : 'info'} data-testid="import-summary">
              {summary(report)}
            </Alert>
            <FileReading {...report} />
            <StatTiles
              stats={[
                { label: t('rows'), value: report.rows },
                { label: t('created', { smart_count: committed ? 2 : 1 }), value: report.created },
                { label: t('updated', { smart_count: committed ? 2 : 1 }), value: report.updated },
                { label: t('unchanged'), value: report.unchanged },
                { label: t('errors'), value: report.rejected },
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
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              {!committed && (
                <Button variant="contained" onClick={() => commit(false)} disabled={pending || report.errors.length > 0 || report.created + report.updated === 0}>
                  {t('commit')}
                </Button>
              )}
              {!committed && report.errors.length > 0 && valid > 0 && (
                <Button variant="contained" color="secondary" onClick={() => commit(true)} disabled={pending}>
                  {t('commitValid', { count: valid })}
                </Button>
              )}
              {report.errors.length > 0 && (
                <Button variant="outlined" startIcon={<DownloadIcon />} onClick={downloadRejected} disabled={pending}>
                  {t('downloadRejected')}
                </Button>
              )}
              {!committed && layout && (
                <Button onClick={() => setMappingOpen(true)} disabled={pending}>
                  {t('remap')}
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
