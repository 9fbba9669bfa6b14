import DownloadIcon from '@mui/icons-material/Download';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { requiredValue } from '@nastavnik/contracts/lookup';
import { labelOf } from '../common/choices';
import { currentAcademicYear, useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { downloadReport, isFinished, POLL_MS as REPORT_POLL_MS, type Report, REPORT_FIELDS } from '../reports/report';
import { ReportProgress } from '../reports/ReportProgress';
import { downloadSubmissionPdf, POLL_MS, ruDate, ruDateTime, STATE_COLOURS, type Submission, SUBMISSION_FIELDS } from './submission';
import { PeriodSelect } from '../indicators/PeriodSelect';

const NOTE_MAX = 8000;

/**
 * «Отчёт в РНЦ» (curator): the school's yearly report to the regional mentoring centre (seed 004
 * item 34) — roadmap execution and indicators, as the school report assembles them, plus a short
 * analytical note typed here. Preview (the school report as of now), save the draft, submit: the
 * data is frozen and its PDF rendered and kept with the version. A returned report shows the
 * region's comments and can be edited and submitted again; the history lists every step.
 */
export const CuratorSubmissionPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [year, setYear] = useState(currentAcademicYear());
  const [submission, setSubmission] = useState<Submission | null | undefined>(undefined);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [preview, setPreview] = useState<Report | null>(null);
  const { run, pending } = useGraphqlAction<{ s: Submission }>();
  const { run: runPreview, pending: previewPending } = useGraphqlAction<{ r: Report }>();

  const load = useCallback(
    async (keepNote = false) => {
      try {
        const result = await dataProvider.graphql<{ s: Submission | null; due: { dueOn: string | null } }>(
          `query MySubmission($y: String!) { s: myReportSubmission(schoolYear: $y) { ${SUBMISSION_FIELDS} } due: reportSubmissionDueDate(schoolYear: $y) { dueOn } }`,
          { y: year },
        );
        setSubmission(result.s);
        setDueOn(result.due.dueOn);
        if (!keepNote) setNote(result.s?.note ?? '');
        setLoadError(null);
      } catch (error) {
        setLoadError((error as Error).message);
      }
    },
    [dataProvider, year],
  );
  useEffect(() => {
    setSubmission(undefined);
    setPreview(null);
    void load();
  }, [load]);

  // While the latest version's PDF is being made, ask again.
  const rendering = submission?.versions.some((v) => v.file && v.file.status !== 'DONE' && v.file.status !== 'FAILED') ?? false;
  useEffect(() => {
    if (!rendering) return;
    const timer = setInterval(() => void load(true), POLL_MS);
    return () => clearInterval(timer);
  }, [load, rendering]);
  const previewRunning = preview !== null && !isFinished(preview);
  useEffect(() => {
    if (!previewRunning || !preview) return;
    const timer = setInterval(() => {
      void dataProvider
        .graphql<{ r: Report }>(`query Preview($id: ID!) { r: Report(id: $id) { ${REPORT_FIELDS} } }`, { id: preview.id })
        .then((r) => setPreview(r.r), () => undefined);
    }, REPORT_POLL_MS);
    return () => clearInterval(timer);
  }, [dataProvider, preview, previewRunning]);

  const status = submission?.status ?? null;
  const editable = status === null || status === 'DRAFT' || status === 'RETURNED';
  const lastReturn = [...(submission?.history ?? [])].reverse().find((e) => e.action === 'RETURNED');
  const tooLong = note.length > NOTE_MAX;

  const save = async () => {
    const result = await run(`mutation SaveNote($y: String!, $n: String!) { s: saveReportSubmissionNote(schoolYear: $y, note: $n) { ${SUBMISSION_FIELDS} } }`, { y: year, n: note });
    if (result) {
      setSubmission(result.s);
      notify('Черновик сохранён.', { type: 'info' });
    }
  };
  const submit = async () => {
    setConfirm(false);
    const result = await run(`mutation Submit($y: String!, $n: String!) { s: submitReportSubmission(schoolYear: $y, note: $n) { ${SUBMISSION_FIELDS} } }`, { y: year, n: note });
    if (result) {
      setSubmission(result.s);
      notify(`Отчёт представлен в РНЦ (версия ${result.s.version}). PDF формируется и будет храниться с этой версией.`, { type: 'info' });
    }
  };
  const requestPreview = async () => {
    const result = await runPreview(`mutation Preview($p: String!) { r: requestSchoolReport(period: $p) { ${REPORT_FIELDS} } }`, { p: year });
    if (result) setPreview(result.r);
  };
  const download = (reportId: string, fileName: string | null) => downloadSubmissionPdf(dataProvider, reportId, fileName).catch((error: Error) => notify(error.message, { type: 'error' }));

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="submission-page">
      <Title title="Отчёт в РНЦ" />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Годовой отчёт в региональный наставнический центр
        </Typography>
        <PeriodSelect value={year} onChange={setYear} />
      </Box>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {submission === undefined && !loadError && <LinearProgress />}
      {submission !== undefined && (
        <>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="submission-status">
            <Typography variant="body2">Состояние:</Typography>
            <Chip size="small" color={requiredValue(STATE_COLOURS, status ?? 'NOT_STARTED')} label={status ? labelOf('ReportSubmissionStatus', status) : 'Не начат'} />
            {submission && submission.version > 0 && <Typography variant="body2">представлено версий: {submission.version}</Typography>}
            <Typography variant="body2" color={submission?.overdue ? 'error' : 'text.secondary'}>
              {dueOn ? `Срок сдачи: ${ruDate(dueOn)}${submission?.overdue || (!submission && dueOn < new Date().toISOString().slice(0, 10)) ? ' — срок прошёл' : ''}` : 'Срок сдачи регионом не установлен'}
            </Typography>
          </Box>
          {status === 'RETURNED' && lastReturn && (
            <Alert severity="warning" data-testid="submission-returned">
              <strong>Возвращён на доработку {ruDateTime(lastReturn.at)}.</strong> Замечания РНЦ: {lastReturn.comment}
            </Alert>
          )}
          {status === 'SUBMITTED' && <Alert severity="info">Отчёт на проверке в РНЦ. Изменить его можно, если регион вернёт его на доработку.</Alert>}
          {status === 'ACCEPTED' && <Alert severity="success">Отчёт принят региональным наставническим центром.</Alert>}

          <Card variant="outlined">
            <CardHeader
              title="Состав отчёта"
              subheader="Исполнение дорожной карты (мероприятия, сроки, статус, результат — без ответственных лиц), целевые показатели, участники и встречи — как в отчёте организации на момент сдачи, и аналитическая справка. При сдаче данные замораживаются: PDF версии не меняется при последующих правках."
              slotProps={{ title: { variant: 'h6' } }}
            />
            <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
                <Button variant="outlined" onClick={requestPreview} disabled={previewPending || previewRunning} data-testid="submission-preview">
                  Предпросмотр данных (отчёт организации на сегодня)
                </Button>
                {preview && <ReportProgress report={preview} />}
                {preview?.status === 'DONE' && (
                  <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadReport(dataProvider, preview, 'predprosmotr.pdf').catch((error: Error) => notify(error.message, { type: 'error' }))}>
                    Скачать предпросмотр
                  </Button>
                )}
              </Box>
              <TextField
                label="Аналитическая справка"
                multiline
                minRows={6}
                maxRows={18}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                disabled={!editable}
                error={tooLong}
                helperText={tooLong ? `Не длиннее ${NOTE_MAX} символов (сейчас ${note.length}).` : 'Итоги года: что удалось, какие трудности, что планируется. Абзацы разделяйте пустой строкой.'}
                slotProps={{ htmlInput: { 'data-testid': 'submission-note' } }}
              />
              <Box sx={{ display: 'flex', gap: 2 }}>
                <Button variant="outlined" onClick={save} disabled={!editable || pending || tooLong}>
                  Сохранить черновик
                </Button>
                <Button variant="contained" startIcon={<SendIcon />} onClick={() => setConfirm(true)} disabled={!editable || pending || tooLong} data-testid="submission-submit">
                  {status === 'RETURNED' ? 'Представить повторно' : 'Представить в РНЦ'}
                </Button>
              </Box>
            </CardContent>
          </Card>

          {submission && submission.versions.length > 0 && (
            <Card variant="outlined" data-testid="submission-versions">
              <CardHeader title="Представленные версии" slotProps={{ title: { variant: 'h6' } }} />
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Версия</TableCell>
                    <TableCell>Представлена</TableCell>
                    <TableCell>PDF</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {submission.versions.map((v) => (
                    <TableRow key={v.id}>
                      <TableCell>{v.version}</TableCell>
                      <TableCell>{ruDateTime(v.submittedAt)}</TableCell>
                      <TableCell>
                        {v.file?.status === 'DONE' ? (
                          <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(v.reportId, v.file?.fileName ?? null)}>
                            Скачать PDF
                          </Button>
                        ) : (
                          v.file && <ReportProgress report={v.file} />
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
          )}

          {submission && (
            <Card variant="outlined" data-testid="submission-history">
              <CardHeader title="История" slotProps={{ title: { variant: 'h6' } }} />
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Когда</TableCell>
                    <TableCell>Кто</TableCell>
                    <TableCell>Что</TableCell>
                    <TableCell>Комментарий</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {submission.history.map((e, i) => (
                    <TableRow key={i}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{ruDateTime(e.at)}</TableCell>
                      <TableCell>{e.actorRole}</TableCell>
                      <TableCell>
                        {labelOf('ReportSubmissionAction', e.action)}
                        {e.version > 0 && e.action !== 'CREATED' ? ` (версия ${e.version})` : ''}
                      </TableCell>
                      <TableCell>{e.comment ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Card>
          )}
        </>
      )}
      <Dialog open={confirm} onClose={() => setConfirm(false)}>
        <DialogTitle>Представить отчёт в РНЦ?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Данные отчёта будут зафиксированы на текущий момент, PDF сформируется и будет храниться с версией. Пока отчёт на проверке, изменить его нельзя.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>Отмена</Button>
          <Button variant="contained" onClick={submit} data-testid="submission-confirm">
            Представить
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
