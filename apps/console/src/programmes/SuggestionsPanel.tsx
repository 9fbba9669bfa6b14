import { Alert, AlertTitle, Box, Button, LinearProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCallback, useEffect, useState } from 'react';
import { RecordContextProvider, ReferenceField, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';

export type Suggestion = { id: string; mentorId: string; menteeId: string; score: number; explanation: string; status: string };
type Unmatched = { menteeId: string; reason: string };

const FIELDS = 'id mentorId menteeId score explanation status';
const LIST = `query Proposed($programmeId: ID!) { allMatchSuggestions(filter: { programmeId: $programmeId, status: PROPOSED }, perPage: 200, sortField: "score", sortOrder: "DESC") { ${FIELDS} } }`;
const SUGGEST = `mutation Suggest($programmeId: ID!) { suggestPairs(programmeId: $programmeId) { suggestions { ${FIELDS} } unmatched { menteeId reason } poolSummary } }`;

/** The participants list filtered to one base (react-admin's `?filter=`). */
const baseList = (base: 'MENTOR' | 'MENTEE') => `/participants?filter=${encodeURIComponent(JSON.stringify({ base }))}`;

/**
 * What to do when the run proposed nothing: whose pool is empty and where to fill it — add a
 * person, load the school's list from Excel, look at the base (its filters), or give mentors more places.
 */
const NextSteps = ({ summary, unmatched, programmeId }: { summary: string; unmatched: Unmatched[]; programmeId: string }) => {
  const noMentors = /Наставников со свободными местами: 0;/.test(summary) || unmatched.some((u) => u.reason === 'В пуле нет наставников');
  const noMentees = /наставляемых без пары: 0;/.test(summary);
  if (!noMentors && !noMentees) return null;
  const link = (to: string, text: string) => (
    <Link component={RouterLink} to={to}>
      {text}
    </Link>
  );
  return (
    <Alert severity="warning" data-testid="suggestions-next-steps">
      <AlertTitle>{noMentors ? 'Нет свободных наставников для подбора' : 'Нет наставляемых без пары'}</AlertTitle>
      <Typography variant="body2" component="div">
        В подбор попадают участники из базы {noMentors ? 'наставников' : 'наставляемых'} с действующим согласием на обработку персональных данных,
        подходящие форме наставничества программы{noMentors ? ', у которых есть свободные места' : ''}. Что можно сделать:
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          <li>{link('/participants/create', noMentors ? 'добавить наставника' : 'добавить наставляемого')} и внести его в базу, отметив согласие;</li>
          <li>{link('/participants-import', 'загрузить список участников из Excel')};</li>
          <li>
            {link(baseList(noMentors ? 'MENTOR' : 'MENTEE'), noMentors ? 'открыть базу наставников' : 'открыть базу наставляемых')} и проверить фильтры: согласия, категории участников, статус в базе;
          </li>
          {noMentors && <li>{link(`/programmes/${programmeId}`, 'увеличить в программе число наставляемых у одного наставника')}.</li>}
        </ul>
      </Typography>
    </Alert>
  );
};

const Person = ({ id }: { id: string }) => (
  <RecordContextProvider value={{ id }}>
    <ReferenceField source="id" reference="participants" link="show" />
  </RecordContextProvider>
);

/**
 * «Подобрать пары»: suggestPairs(programmeId) proposes mentor–mentee pairs with a score and a
 * Russian explanation; the curator accepts (a draft pair is created) or rejects each one.
 */
export const SuggestionsPanel = () => {
  const programme = useRecordContext<{ id: string; status: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.programmes.suggestions.${key}`, options);
  const [rows, setRows] = useState<Suggestion[] | null>(null);
  const [unmatched, setUnmatched] = useState<Unmatched[]>([]);
  const [summary, setSummary] = useState<string>('');
  const { run, pending } = useGraphqlAction<Record<string, unknown>>();
  const programmeId = programme?.id;

  const load = useCallback(async () => {
    if (!programmeId) return;
    const result = await dataProvider.graphql<{ allMatchSuggestions: Suggestion[] }>(LIST, { programmeId }).catch(() => ({ allMatchSuggestions: [] }));
    setRows(result.allMatchSuggestions);
  }, [dataProvider, programmeId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!programmeId) return null;
  const suggest = async () => {
    const result = (await run(SUGGEST, { programmeId })) as { suggestPairs: { suggestions: Suggestion[]; unmatched: Unmatched[]; poolSummary: string } } | undefined;
    if (!result) return;
    setRows(result.suggestPairs.suggestions.filter((s) => s.status === 'PROPOSED'));
    setUnmatched(result.suggestPairs.unmatched);
    setSummary(result.suggestPairs.poolSummary);
  };
  const decide = async (suggestion: Suggestion, accept: boolean) => {
    const mutation = accept
      ? 'mutation Accept($id: ID!) { acceptSuggestion(id: $id) { id status pairId } }'
      : 'mutation Reject($id: ID!) { rejectSuggestion(id: $id) { id status } }';
    if (!(await run(mutation, { id: suggestion.id }))) return;
    notify(t(accept ? 'accepted' : 'rejected'), { type: 'success' });
    setRows((current) => (current ?? []).filter((row) => row.id !== suggestion.id));
    refresh();
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="suggestions">
      <Typography variant="body2" color="text.secondary">
        {t('intro')}
      </Typography>
      <Box>
        <Button variant="contained" onClick={suggest} disabled={pending}>
          {t('run')}
        </Button>
      </Box>
      {pending && <LinearProgress />}
      {summary && <Alert severity="info">{summary}</Alert>}
      {summary && rows?.length === 0 && <NextSteps summary={summary} unmatched={unmatched} programmeId={programmeId} />}
      {rows && rows.length === 0 && <Typography color="text.secondary">{t('none')}</Typography>}
      {rows && rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('mentor')}</TableCell>
              <TableCell>{t('mentee')}</TableCell>
              <TableCell align="right">{t('score')}</TableCell>
              <TableCell>{t('explanation')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="suggestion">
                <TableCell>
                  <Person id={row.mentorId} />
                </TableCell>
                <TableCell>
                  <Person id={row.menteeId} />
                </TableCell>
                <TableCell align="right">{row.score.toLocaleString('ru-RU', { maximumFractionDigits: 1 })}</TableCell>
                <TableCell sx={{ maxWidth: 480 }}>{row.explanation}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" color="success" disabled={pending} onClick={() => decide(row, true)}>
                    {t('accept')}
                  </Button>
                  <Button size="small" color="error" disabled={pending} onClick={() => decide(row, false)}>
                    {t('reject')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {unmatched.length > 0 && (
        <Box>
          <Typography variant="subtitle2">
            {t('unmatched')}: {unmatched.length}
          </Typography>
          {unmatched.slice(0, 10).map((u) => (
            <Typography key={u.menteeId} variant="body2">
              <Person id={u.menteeId} /> — {u.reason}
            </Typography>
          ))}
          {unmatched.length > 10 && <Typography variant="body2">…</Typography>}
        </Box>
      )}
    </Box>
  );
};
