import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, alpha, Box, Button, Card, CardContent, CardHeader, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { Title } from 'react-admin';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { currentAcademicYear } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { formatValue } from '../indicators/types';
import { type DataFreshness, ruDay, SCHOOL_CARD_QUERY, type SchoolCard, STALE_AFTER_DAYS } from './types';

const LEVEL_COLOURS: ReadonlyMap<string, 'success' | 'warning' | 'error'> = new Map([['optimal', 'success'], ['acceptable', 'warning'], ['unacceptable', 'error']]);
const LEVEL_TITLES: ReadonlyMap<string, string> = new Map([['optimal', 'Оптимальный'], ['acceptable', 'Допустимый'], ['unacceptable', 'Недопустимый']]);

/**
 * A school's card for the region (issue 13): its indicators with numerator / denominator and
 * the target that applies, the response beside T3/T4, its programmes per scorecard level, the
 * roadmap's execution by stage and when each area of its data last changed — aggregates only,
 * no personal data. Reached from the league table, the schools page and its search.
 */
export const SchoolCardPage = () => {
  const theme = useTheme();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? currentAcademicYear();
  const card = useApi<SchoolCard>(`school-card:${id}:${period}`, (dataProvider) =>
    dataProvider.graphql<{ schoolCard: SchoolCard }>(SCHOOL_CARD_QUERY, { id, period }).then((r) => r.schoolCard),
  );
  const data = card.data;
  const definitions = useApi<Map<string, { shortTitle: string; unit: string }>>('indicator-definitions-map', (dataProvider) =>
    dataProvider
      .graphql<{ indicatorDefinitions: { code: string; shortTitle: string; unit: string }[] }>('query Definitions { indicatorDefinitions { code shortTitle unit } }')
      .then((r) => new Map(r.indicatorDefinitions.map((d) => [d.code, d]))),
  );
  const rateOf = (code: string) => data?.responseRates.find((r) => r.code === code);

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="school-card">
      <Title title={data?.shortName ?? 'Карточка организации'} />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h5" component="h1">
            {data?.shortName ?? 'Карточка организации'}
          </Typography>
          {data && (
            <Typography variant="body2" color="text.secondary">
              {data.fullName}
              {data.municipalityName ? ` · ${data.municipalityName}` : ''}
            </Typography>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <PeriodSelect value={period} onChange={(next) => setSearch({ period: next }, { replace: true })} />
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate(-1)}>
            Назад
          </Button>
          <Button component={RouterLink} to="/schools">
            Все школы
          </Button>
        </Box>
      </Box>
      {card.isPending && <LinearProgress />}
      {card.error && <Alert severity="error">{card.error.message}</Alert>}
      {data && (
        <>
          <Card variant="outlined">
            <CardHeader title="Целевые показатели" subheader={data.indicatorsComputedAt ? `Пересчитаны ${new Date(data.indicatorsComputedAt).toLocaleString('ru-RU')}` : 'Показатели за этот год ещё не рассчитаны'} slotProps={{ title: { variant: 'h6' } }} />
            <CardContent>
              <Table size="small" data-testid="card-indicators">
                <TableHead>
                  <TableRow>
                    <TableCell>Показатель</TableCell>
                    <TableCell align="right">Числитель / знаменатель</TableCell>
                    <TableCell align="right">Значение</TableCell>
                    <TableCell align="right">Цель</TableCell>
                    <TableCell sx={{ minWidth: 220 }}>Отклик на анкету</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.indicators.map((v) => {
                    const unit = definitions.data?.get(v.code)?.unit ?? 'percent';
                    const rate = rateOf(v.code);
                    return (
                      <TableRow key={v.code} data-code={v.code} data-below-target={v.belowTarget ? 'true' : undefined} sx={v.belowTarget ? { bgcolor: alpha(theme.palette.warning.main, 0.12) } : undefined}>
                        <TableCell>{/\d$/.test(v.code) ? `${v.code} — ` : ''}{definitions.data?.get(v.code)?.shortTitle ?? v.code}</TableCell>
                        <TableCell align="right">{v.computedAt === null ? '—' : v.denominator === null ? v.numerator : `${v.numerator} / ${v.denominator}`}</TableCell>
                        <TableCell align="right">{v.belowTarget ? <Chip size="small" color="warning" label={formatValue(v.value, unit)} /> : formatValue(v.value, unit)}</TableCell>
                        <TableCell align="right">{v.target === null ? '—' : formatValue(v.target, unit)}</TableCell>
                        <TableCell data-testid={rate ? `response-${v.code}` : undefined}>
                          {rate ? `${rate.rate === null ? '—' : `${rate.rate} %`}: ${rate.respondents} из ${rate.participants} (${rate.roleTitle})` : ''}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                Выделены показатели ниже цели. Отклик — ответившие на анкету удовлетворённости ÷ участники роли: при малом отклике T3 и T4 говорят о немногих.
              </Typography>
            </CardContent>
          </Card>
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
            <Card variant="outlined" data-testid="card-roadmap">
              <CardHeader title="Исполнение дорожной карты" subheader={`${data.period} учебный год`} slotProps={{ title: { variant: 'h6' } }} />
              <CardContent>
                {data.roadmap === null ? (
                  <Typography color="text.secondary">Мероприятий дорожной карты на этот год нет.</Typography>
                ) : (
                  <>
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }} data-testid="roadmap-totals">
                      <Chip label={`Всего: ${data.roadmap.total}`} />
                      <Chip color="success" label={`Выполнено: ${data.roadmap.done}`} />
                      <Chip color="info" label={`В работе: ${data.roadmap.inProgress}`} />
                      <Chip label={`Запланировано: ${data.roadmap.planned}`} variant="outlined" />
                      <Chip color={data.roadmap.overdue > 0 ? 'error' : 'default'} label={`Просрочено: ${data.roadmap.overdue}`} />
                      {data.roadmap.notDone > 0 && <Chip color="warning" label={`Не выполнено: ${data.roadmap.notDone}`} />}
                    </Box>
                    <Table size="small">
                      <TableHead>
                        <TableRow>
                          <TableCell>Этап</TableCell>
                          <TableCell align="right">Всего</TableCell>
                          <TableCell align="right">Выполнено</TableCell>
                          <TableCell align="right">В работе</TableCell>
                          <TableCell align="right">Запланировано</TableCell>
                          <TableCell align="right">Не выполнено</TableCell>
                          <TableCell align="right">Просрочено</TableCell>
                        </TableRow>
                      </TableHead>
                      <TableBody data-testid="roadmap-stages">
                        {data.roadmap.stages.map((s) => (
                          <TableRow key={s.stageCode ?? 'none'}>
                            <TableCell>{s.stageTitle}</TableCell>
                            <TableCell align="right">{s.total}</TableCell>
                            <TableCell align="right">{s.done}</TableCell>
                            <TableCell align="right">{s.inProgress}</TableCell>
                            <TableCell align="right">{s.planned}</TableCell>
                            <TableCell align="right">{s.notDone}</TableCell>
                            <TableCell align="right" sx={s.overdue > 0 ? { color: 'error.main', fontWeight: 600 } : undefined}>
                              {s.overdue}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </>
                )}
              </CardContent>
            </Card>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
              <Card variant="outlined" data-testid="card-scorecards">
                <CardHeader title="Эффективность программ" subheader="Программы по уровням шкалы эффективности" slotProps={{ title: { variant: 'h6' } }} />
                <CardContent sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                  {data.scorecardLevels.map((l) => (
                    <Chip key={l.level} color={LEVEL_COLOURS.get(l.level) ?? 'default'} variant={l.programmes ? 'filled' : 'outlined'} label={`${LEVEL_TITLES.get(l.level) ?? l.title}: ${l.programmes}`} />
                  ))}
                </CardContent>
              </Card>
              <Card variant="outlined" data-testid="card-freshness">
                <CardHeader title="Свежесть данных" subheader="Когда данные раздела менялись в последний раз" slotProps={{ title: { variant: 'h6' } }} />
                <CardContent>
                  <Table size="small">
                    <TableBody>
                      {data.freshness.map((f) => (
                        <TableRow key={f.area} data-area={f.area}>
                          <TableCell>{f.title}</TableCell>
                          <TableCell align="right">
                            <Freshness item={f} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
            </Box>
          </Box>
        </>
      )}
    </Box>
  );
};

const Freshness = ({ item }: { item: DataFreshness }) => {
  if (item.changedOn === null) return <Chip size="small" variant="outlined" label="нет данных" />;
  const stale = (item.daysAgo ?? 0) > STALE_AFTER_DAYS;
  const ago = item.daysAgo === 0 ? 'сегодня' : `${item.daysAgo} дн. назад`;
  return <Chip size="small" color={stale ? 'warning' : 'default'} variant={stale ? 'filled' : 'outlined'} label={`${ruDay(item.changedOn)} · ${ago}`} />;
};
