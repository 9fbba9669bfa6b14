import { Alert, Box, Card, CardContent, CardHeader, Chip, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { requiredValue } from '@nastavnik/contracts/lookup';
import { currentAcademicYear } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { decimal, type OutcomeQuestion, percent, PHASE_TITLES, type ResponseRate, ROLE_TITLES, SCHOOL_OUTCOMES_QUERY, type SchoolOutcomes as Outcomes } from './types';

const ROLE_HEADINGS: Record<OutcomeQuestion['role'], string> = { MENTEE: 'Наставляемые', MENTOR: 'Наставники', CURATOR: 'Куратор' };

/**
 * «Результаты»: the curator's before/after comparison of each programme's entry and final
 * questionnaires (paired by person) with a plot, and the response rates beside the surveyed
 * indicators T3/T4 (issue 13, item 5).
 */
export const SchoolOutcomes = () => {
  const [period, setPeriod] = useState(currentAcademicYear());
  const [chosen, setChosen] = useState<string | null>(null);
  const data = useApi<Outcomes>(`school-outcomes:${period}`, async (dataProvider) =>
    (await dataProvider.graphql<{ schoolOutcomes: Outcomes }>(SCHOOL_OUTCOMES_QUERY, { period })).schoolOutcomes,
  );
  const programmes = data.data?.programmes ?? [];
  const keyOf = (p: Outcomes['programmes'][number]) => p.programmeId ?? 'none';
  const programme = programmes.find((p) => keyOf(p) === chosen) ?? programmes.find((p) => p.questions.length > 0) ?? programmes[0];
  return (
    <Card variant="outlined" data-testid="school-outcomes">
      <CardHeader
        title="Результаты: до и после программы"
        subheader="Входные и итоговые анкеты по одним и тем же вопросам; пары — участники, ответившие и до, и после"
        slotProps={{ title: { variant: 'h6', component: 'h2' } }}
        action={
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', pr: 1 }}>
            <PeriodSelect value={period} onChange={(p) => { setPeriod(p); setChosen(null); }} />
            {programmes.length > 0 && (
              <TextField select size="small" label="Программа" value={programme ? keyOf(programme) : ''} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 240 }} data-testid="outcomes-programme">
                {programmes.map((p) => (
                  <MenuItem key={keyOf(p)} value={keyOf(p)}>
                    {p.title}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Box>
        }
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {data.isPending && <LinearProgress />}
        {data.error && <Alert severity="error">{data.error.message}</Alert>}
        {data.data && <SurveyResponse outcomes={data.data} />}
        {data.data && programmes.length === 0 && <Alert severity="info">За этот учебный год программ наставничества нет.</Alert>}
        {programme && <ProgrammeOutcome questions={programme.questions} rates={programme.responseRates} />}
      </CardContent>
    </Card>
  );
};

/** The satisfaction questionnaire's response beside T3/T4: a school with 3 answers of 60 is not one with 59 of 60. */
const SurveyResponse = ({ outcomes }: { outcomes: Outcomes }) => {
  const rows = [
    { code: 'T3', title: 'Удовлетворённость наставляемых', rate: outcomes.satisfactionMentees },
    { code: 'T4', title: 'Удовлетворённость наставников', rate: outcomes.satisfactionMentors },
  ];
  return (
    <Box data-testid="survey-response">
      <Typography variant="subtitle2" gutterBottom>
        Отклик на анкеты удовлетворённости (знаменатель T3 и T4 — ответившие)
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Показатель</TableCell>
            <TableCell align="right">Ответили / участников</TableCell>
            <TableCell align="right">Отклик</TableCell>
            <TableCell align="right">По ссылкам: ответили / выдано</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ code, title, rate }) => (
            <TableRow key={code}>
              <TableCell>
                {title} <Typography component="span" variant="caption" color="text.secondary">{code}</Typography>
              </TableCell>
              <TableCell align="right">{rate ? `${rate.respondents} / ${rate.participants}` : '—'}</TableCell>
              <TableCell align="right">{rate?.participantRate !== null && rate?.participantRate !== undefined && rate.participantRate < 50 ? <Chip size="small" color="warning" label={percent(rate.participantRate)} /> : percent(rate?.participantRate)}</TableCell>
              <TableCell align="right">{rate && rate.linksIssued ? `${rate.answeredByLink} / ${rate.linksIssued} (${percent(rate.linkRate)})` : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

function rateTitle(r: ResponseRate): string {
  const role = requiredValue(ROLE_TITLES, r.role);
  return `${role[0].toUpperCase()}${role.slice(1)}: ${requiredValue(PHASE_TITLES, r.phase)}`;
}

const ProgrammeOutcome = ({ questions, rates }: { questions: OutcomeQuestion[]; rates: ResponseRate[] }) => {
  const theme = useTheme();
  const ratings = questions.filter((q) => q.kind === 'RATING');
  const choices = questions.filter((q) => q.kind !== 'RATING');
  const shownRates = rates.filter((r) => r.phase !== 'none' && (r.linksIssued > 0 || r.respondents > 0 || r.role === 'MENTEE'));
  return (
    <>
      <Box data-testid="outcomes-response-rates">
        <Typography variant="subtitle2" gutterBottom>
          Отклик на анкеты программы
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Анкета</TableCell>
              <TableCell align="right">Выдано ссылок</TableCell>
              <TableCell align="right">Ответили по ссылке</TableCell>
              <TableCell align="right">Ответивших всего / участников</TableCell>
              <TableCell align="right">Отклик</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shownRates.map((r) => (
              <TableRow key={`${r.role}-${r.phase}`}>
                <TableCell>{rateTitle(r)}</TableCell>
                <TableCell align="right">{r.linksIssued}</TableCell>
                <TableCell align="right">{r.linksIssued ? `${r.answeredByLink} (${percent(r.linkRate)})` : '—'}</TableCell>
                <TableCell align="right">{`${r.respondents} / ${r.participants}`}</TableCell>
                <TableCell align="right">{percent(r.participantRate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {questions.length === 0 ? (
        <Alert severity="info">Сравнивать пока нечего: нужны входная и итоговая анкеты программы с одинаковыми вопросами.</Alert>
      ) : (
        (['MENTEE', 'MENTOR'] as const).map((role) => {
          const list = ratings.filter((q) => q.role === role);
          if (!list.length) return null;
          // A long statement is cut on the axis (three lines of 12 px at most; the table beside gives it whole).
          const plot = list.map((q) => ({ name: q.hint ?? axisLabel(q.text), before: q.meanBefore, after: q.meanAfter }));
          const max = Math.max(...list.map((q) => q.scaleMax ?? 5));
          return (
            <Box key={role} data-testid={`outcomes-${role.toLowerCase()}`}>
              <Typography variant="subtitle2" gutterBottom>
                {requiredValue(ROLE_HEADINGS, role)}: среднее по парам до и после (шкала до {max})
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
                <ResponsiveContainer width="100%" height={Math.max(220, plot.length * 44 + 60)}>
                  <BarChart data={plot} layout="vertical" margin={{ left: 8, right: 24 }} data-testid="outcomes-plot">
                    <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                    <XAxis type="number" domain={[0, max]} tick={{ fontSize: 12 }} />
                    <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 12 }} interval={0} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="before" name="До" fill={theme.palette.grey[500]} isAnimationActive={false} maxBarSize={14} />
                    <Bar dataKey="after" name="После" fill={theme.palette.primary.main} isAnimationActive={false} maxBarSize={14} />
                  </BarChart>
                </ResponsiveContainer>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>Вопрос</TableCell>
                      <TableCell align="right">Пар</TableCell>
                      <TableCell align="right">До</TableCell>
                      <TableCell align="right">После</TableCell>
                      <TableCell align="right">Изменение</TableCell>
                      <TableCell align="right">Только до / после</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {list.map((q) => (
                      <TableRow key={q.key} title={q.text}>
                        <TableCell>{q.hint ?? q.text}</TableCell>
                        <TableCell align="right">{q.pairs}</TableCell>
                        <TableCell align="right">{decimal(q.meanBefore)}</TableCell>
                        <TableCell align="right">{decimal(q.meanAfter)}</TableCell>
                        <TableCell align="right" sx={{ color: (q.meanChange ?? 0) > 0 ? 'success.main' : (q.meanChange ?? 0) < 0 ? 'error.main' : undefined, fontWeight: 600 }}>
                          {decimal(q.meanChange, true)}
                        </TableCell>
                        <TableCell align="right">{`${q.onlyBefore} / ${q.onlyAfter}`}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </Box>
          );
        })
      )}
      {choices.map((q) => (
        <Box key={q.key} data-testid="outcomes-choice">
          <Typography variant="subtitle2" gutterBottom>
            {requiredValue(ROLE_HEADINGS, q.role)}: «{q.text}» — выбор до и после ({q.pairs} пар)
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Вариант</TableCell>
                <TableCell align="right">До</TableCell>
                <TableCell align="right">После</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {q.options.map((o) => (
                <TableRow key={o.label}>
                  <TableCell>{o.label}</TableCell>
                  <TableCell align="right">{o.before}</TableCell>
                  <TableCell align="right">{o.after}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </>
  );
};

/** A question's text short enough for the chart's axis: whole up to 60 characters, else cut at a word. */
function axisLabel(text: string): string {
  if (text.length <= 60) return text;
  const cut = text.slice(0, 57);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,.;:]+$/, '')}…`;
}
