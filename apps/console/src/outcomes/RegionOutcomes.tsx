import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { requiredValue } from '@nastavnik/contracts/lookup';
import { currentAcademicYear } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { decimal } from './types';

type Question = {
  role: 'MENTEE' | 'MENTOR';
  text: string;
  hint: string | null;
  scaleMax: number | null;
  organisations: number;
  pairs: number;
  tooFew: boolean;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  onlyBefore: number;
  onlyAfter: number;
};
type Outcomes = { name: string; computedAt: string | null; questions: Question[] };

const QUERY = `query RegionOutcomes($period: String!) { regionOutcomes(period: $period) {
  name computedAt questions { role text hint scaleMax organisations pairs tooFew meanBefore meanAfter meanChange onlyBefore onlyAfter } } }`;
const ROLE_HEADINGS = { MENTEE: 'Наставляемые', MENTOR: 'Наставники' } as const;

/**
 * «Результаты до/после» for the region: the schools' before/after aggregates summed (no person);
 * a question with fewer than 3 pairs shows «мало ответов» instead of means (docs/adr/0035).
 */
export const RegionOutcomes = () => {
  const theme = useTheme();
  const [period, setPeriod] = useState(currentAcademicYear());
  const data = useApi<Outcomes>(`region-outcomes:${period}`, async (dataProvider) => (await dataProvider.graphql<{ regionOutcomes: Outcomes }>(QUERY, { period })).regionOutcomes);
  const questions = (data.data?.questions ?? []).filter((q) => q.pairs > 0 || q.onlyBefore > 0 || q.onlyAfter > 0);
  return (
    <Box sx={{ p: { xs: 1, md: 2 } }}>
      <Title title="Результаты до/после" />
      <Card variant="outlined" data-testid="region-outcomes">
        <CardHeader
          title={`Результаты до и после программ${data.data ? ` — ${data.data.name}` : ''}`}
          subheader={
            data.data?.computedAt
              ? `Суммы по организациям (входные и итоговые анкеты, пары — участники с ответами до и после), рассчитаны ${new Date(data.data.computedAt).toLocaleString('ru-RU')}`
              : 'Суммы по организациям ещё не рассчитаны за этот год (рассчитываются ночью)'
          }
          slotProps={{ title: { variant: 'h6', component: 'h1' } }}
          action={<PeriodSelect value={period} onChange={setPeriod} />}
        />
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {data.isPending && <LinearProgress />}
          {data.error && <Alert severity="error">{data.error.message}</Alert>}
          {data.data && questions.length === 0 && <Alert severity="info">За этот учебный год сравнений «до/после» нет.</Alert>}
          {(['MENTEE', 'MENTOR'] as const).map((role) => {
            const list = questions.filter((q) => q.role === role);
            if (!list.length) return null;
            const plot = list.filter((q) => !q.tooFew).map((q, i) => ({ name: q.hint ?? `${i + 1}. ${q.text.slice(0, 40)}…`, before: q.meanBefore, after: q.meanAfter }));
            return (
              <Box key={role} data-testid={`region-outcomes-${role.toLowerCase()}`}>
                <Typography variant="subtitle2" gutterBottom>
                  {requiredValue(ROLE_HEADINGS, role)}
                </Typography>
                <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
                  {plot.length > 0 ? (
                    <ResponsiveContainer width="100%" height={Math.max(200, plot.length * 44 + 60)}>
                      <BarChart data={plot} layout="vertical" margin={{ left: 8, right: 24 }}>
                        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                        <XAxis type="number" domain={[0, Math.max(...list.map((q) => q.scaleMax ?? 5))]} tick={{ fontSize: 12 }} />
                        <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 12 }} interval={0} />
                        <Tooltip />
                        <Legend />
                        <Bar dataKey="before" name="До" fill={theme.palette.grey[500]} isAnimationActive={false} maxBarSize={14} />
                        <Bar dataKey="after" name="После" fill={theme.palette.primary.main} isAnimationActive={false} maxBarSize={14} />
                      </BarChart>
                    </ResponsiveContainer>
                  ) : (
                    <Alert severity="info">Мало ответов для графика: меньше 3 пар по каждому вопросу.</Alert>
                  )}
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>Вопрос</TableCell>
                        <TableCell align="right">Организаций</TableCell>
                        <TableCell align="right">Пар</TableCell>
                        <TableCell align="right">До</TableCell>
                        <TableCell align="right">После</TableCell>
                        <TableCell align="right">Изменение</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {list.map((q) => (
                        <TableRow key={q.text} title={q.text}>
                          <TableCell>{q.hint ?? q.text}</TableCell>
                          <TableCell align="right">{q.organisations}</TableCell>
                          <TableCell align="right">{q.pairs}</TableCell>
                          {q.tooFew ? (
                            <TableCell colSpan={3} align="right" sx={{ color: 'text.secondary' }}>
                              мало ответов
                            </TableCell>
                          ) : (
                            <>
                              <TableCell align="right">{decimal(q.meanBefore)}</TableCell>
                              <TableCell align="right">{decimal(q.meanAfter)}</TableCell>
                              <TableCell align="right" sx={{ color: (q.meanChange ?? 0) > 0 ? 'success.main' : (q.meanChange ?? 0) < 0 ? 'error.main' : undefined, fontWeight: 600 }}>
                                {decimal(q.meanChange, true)}
                              </TableCell>
                            </>
                          )}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </Box>
              </Box>
            );
          })}
          <Typography variant="caption" color="text.secondary">
            Персональные данные не передаются: регион видит суммы по организациям; средние по группе меньше 3 пар не показываются.
          </Typography>
        </CardContent>
      </Card>
    </Box>
  );
};
