import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { requiredValue } from '@nastavnik/contracts/lookup';
import { labelOf } from '../common/choices';
import { currentAcademicYear, useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { downloadSubmissionPdf, ROW_FIELDS, ruDate, ruDateTime, type SchoolSubmissionRow, STATE_COLOURS, type Submission, type SubmissionState } from './submission';
import { PeriodSelect } from '../indicators/PeriodSelect';

const STATES: SubmissionState[] = ['NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'OVERDUE'];
/** Who needs attention first: on review, then overdue, returned, drafts, not started, accepted. */
const ORDER: Record<SubmissionState, number> = { SUBMITTED: 0, OVERDUE: 1, RETURNED: 2, DRAFT: 3, NOT_STARTED: 4, ACCEPTED: 5 };
type SortKey = 'state' | 'school' | 'submittedAt';

/**
 * «Отчёты школ» (region analyst): every school of the region with its yearly report to the
 * regional centre — not started, draft, on review, returned, accepted, overdue («кто не сдал») —
 * and the region's due date for the year. A submitted report's frozen PDF opens from the row; the
 * analyst accepts it or returns it with a comment (the content is the school's and is not edited here).
 */
export const RegionSubmissionsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [year, setYear] = useState(currentAcademicYear());
  const [rows, setRows] = useState<SchoolSubmissionRow[] | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [savedDue, setSavedDue] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState<SubmissionState | null>(null);
  const [sort, setSort] = useState<SortKey>('state');
  const [returning, setReturning] = useState<SchoolSubmissionRow | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const { run, pending } = useGraphqlAction<{ s: Pick<Submission, 'id' | 'status'> }>();
  const { run: runDue, pending: duePending } = useGraphqlAction<{ d: { dueOn: string } }>();

  const load = useCallback(async () => {
    try {
      const result = await dataProvider.graphql<{ rows: SchoolSubmissionRow[]; due: { dueOn: string | null } }>(
        `query SchoolSubmissions($y: String!) { rows: schoolReportSubmissions(schoolYear: $y) { ${ROW_FIELDS} } due: reportSubmissionDueDate(schoolYear: $y) { dueOn } }`,
        { y: year },
      );
      setRows(result.rows);
      setSavedDue(result.due.dueOn);
      setDueOn(result.due.dueOn ?? '');
      setLoadError(null);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, [dataProvider, year]);
  useEffect(() => {
    setRows(null);
    void load();
  }, [load]);

  const counts = useMemo(() => new Map(STATES.map((s) => [s, (rows ?? []).filter((r) => r.state === s).length])), [rows]);
  const shown = useMemo(() => {
    const list = (rows ?? []).filter((r) => !filter || r.state === filter);
    const byName = (a: SchoolSubmissionRow, b: SchoolSubmissionRow) => a.tenantName.localeCompare(b.tenantName, 'ru');
    if (sort === 'school') return [...list].sort(byName);
    if (sort === 'submittedAt') return [...list].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || byName(a, b));
    return [...list].sort((a, b) => requiredValue(ORDER, a.state) - requiredValue(ORDER, b.state) || byName(a, b));
  }, [rows, filter, sort]);

  const saveDue = async () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) return notify('Укажите дату срока сдачи.', { type: 'warning' });
    const result = await runDue(`mutation Due($y: String!, $d: String!) { d: setReportSubmissionDueDate(schoolYear: $y, dueOn: $d) { dueOn } }`, { y: year, d: dueOn });
    if (result) {
      notify(`Срок сдачи за ${year}: ${ruDate(result.d.dueOn)}.`, { type: 'info' });
      void load();
    }
  };
  const review = async (row: SchoolSubmissionRow, decision: 'ACCEPT' | 'RETURN', text?: string) => {
    if (!row.submissionId) return;
    const result = await run(`mutation Review($id: ID!, $d: ReportReviewDecision!, $c: String) { s: reviewReportSubmission(id: $id, decision: $d, comment: $c) { id status } }`, {
      id: row.submissionId,
      d: decision,
      c: text ?? null,
    });
    if (result) {
      notify(decision === 'ACCEPT' ? `Отчёт «${row.tenantName}» принят.` : `Отчёт «${row.tenantName}» возвращён на доработку.`, { type: 'info' });
      setReturning(null);
      void load();
    }
  };
  const confirmReturn = () => {
    if (!returning) return;
    if (!comment.trim()) return setCommentError('Укажите, что нужно доработать: школа увидит этот комментарий.');
    void review(returning, 'RETURN', comment.trim());
  };
  const download = (row: SchoolSubmissionRow) =>
    row.reportId && downloadSubmissionPdf(dataProvider, row.reportId, `Отчёт в РНЦ ${row.tenantName} ${year.replace('/', '-')} версия ${row.version}.pdf`).catch((error: Error) => notify(error.message, { type: 'error' }));

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="school-submissions-page">
      <Title title="Отчёты школ" />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Годовые отчёты школ в РНЦ
        </Typography>
        <PeriodSelect value={year} onChange={setYear} />
      </Box>
      <Card variant="outlined">
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            type="date"
            fullWidth={false}
            size="small"
            label="Срок сдачи для школ региона"
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'due-date' } }}
            sx={{ minWidth: 240 }}
          />
          <Button variant="outlined" onClick={saveDue} disabled={duePending || dueOn === (savedDue ?? '')}>
            Установить срок
          </Button>
          <Typography variant="body2" color="text.secondary">
            {savedDue ? `Действует срок ${ruDate(savedDue)}: после него непредставленные отчёты отмечаются как просроченные.` : 'Срок на этот учебный год не установлен.'}
          </Typography>
        </CardContent>
      </Card>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {rows === null && !loadError && <LinearProgress />}
      {rows && (
        <>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="submission-counts">
            <Chip label={`Все: ${rows.length}`} variant={filter === null ? 'filled' : 'outlined'} onClick={() => setFilter(null)} />
            {STATES.map((s) => (
              <Chip
                key={s}
                color={requiredValue(STATE_COLOURS, s)}
                variant={filter === s ? 'filled' : 'outlined'}
                label={`${labelOf('ReportSubmissionState', s)}: ${counts.get(s) ?? 0}`}
                onClick={() => setFilter(filter === s ? null : s)}
                data-testid={`submission-count-${s}`}
              />
            ))}
          </Box>
          <Card variant="outlined" sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="school-submissions">
              <TableHead>
                <TableRow>
                  <TableCell>
                    <TableSortLabel active={sort === 'school'} onClick={() => setSort('school')}>
                      Организация
                    </TableSortLabel>
                  </TableCell>
                  <TableCell>
                    <TableSortLabel active={sort === 'state'} onClick={() => setSort('state')}>
                      Состояние
                    </TableSortLabel>
                  </TableCell>
                  <TableCell>Срок</TableCell>
                  <TableCell>
                    <TableSortLabel active={sort === 'submittedAt'} direction="desc" onClick={() => setSort('submittedAt')}>
                      Представлен
                    </TableSortLabel>
                  </TableCell>
                  <TableCell>Последний возврат</TableCell>
                  <TableCell align="right">Действия</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map((row) => (
                  <TableRow key={row.tenantId} data-testid={`submission-row-${row.tenantCode}`}>
                    <TableCell>
                      {row.tenantName}
                      {row.municipality && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {row.municipality}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Chip size="small" color={requiredValue(STATE_COLOURS, row.state)} label={labelOf('ReportSubmissionState', row.state)} />
                      {row.state === 'OVERDUE' && row.status && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {labelOf('ReportSubmissionStatus', row.status).toLowerCase()}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{ruDate(row.dueOn)}</TableCell>
                    <TableCell>
                      {row.submittedAt ? ruDateTime(row.submittedAt) : '—'}
                      {row.submittedAt && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          версия {row.version}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 240 }}>{row.lastComment ?? '—'}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap', px: 1 }}>
                      {row.reportId && (
                        <Button size="small" startIcon={<DownloadIcon />} onClick={() => download(row)}>
                          PDF
                        </Button>
                      )}
                      {row.status === 'SUBMITTED' && (
                        <>
                          <Button size="small" color="success" disabled={pending} onClick={() => review(row, 'ACCEPT')}>
                            Принять
                          </Button>
                          <Button
                            size="small"
                            color="warning"
                            disabled={pending}
                            onClick={() => {
                              setReturning(row);
                              setComment('');
                              setCommentError(null);
                            }}
                          >
                            Вернуть
                          </Button>
                        </>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
                {shown.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6}>Нет школ в этом состоянии.</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Card>
        </>
      )}
      <Dialog open={returning !== null} onClose={() => setReturning(null)} fullWidth maxWidth="sm">
        <DialogTitle>Вернуть отчёт на доработку{returning ? ` — ${returning.tenantName}` : ''}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            label="Что доработать"
            multiline
            minRows={4}
            value={comment}
            onChange={(event) => {
              setComment(event.target.value);
              setCommentError(null);
            }}
            error={!!commentError}
            helperText={commentError ?? 'Комментарий увидит куратор школы; он сохранится в истории отчёта.'}
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'return-comment' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReturning(null)}>Отмена</Button>
          <Button variant="contained" color="warning" onClick={confirmReturn} disabled={pending} data-testid="return-confirm">
            Вернуть
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
