import { Alert, alpha, Box, Card, CardContent, CardHeader, Chip, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useTheme } from '@mui/material';
import { type ReactElement, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { schoolCardLink } from '../schools/types';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { currentAcademicYear } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { PeriodSelect } from './PeriodSelect';
import { RegionReportButton } from './RegionReportButton';
import { formatValue, type IndicatorAggregate, type IndicatorDefinition, type IndicatorTrendPoint, type IndicatorValue, isHeadline, ratio, VALUE_FIELDS } from './types';

type Comparison = {
  indicator: IndicatorDefinition;
  target: number | null;
  total: IndicatorAggregate | null;
  municipalities: IndicatorAggregate[];
  organisations: IndicatorValue[];
};

const AGGREGATE = 'tenantId name numerator denominator value organisations';

/** Actions on the selected period and indicator, shown next to the selectors (the regional PDF report). */
export const REGION_REPORT_ACTIONS: ((props: { period: string; code: string }) => ReactElement | null)[] = [RegionReportButton];

/**
 * The region analyst's comparison: a league table of the region's organisations on one
 * indicator with the API's places (ties share a place, «1, 1, 3»; organisations without data are
 * listed apart, unranked), those below target highlighted; a bar per municipality (Σnum/Σden)
 * labelled with its value; and the region's trend across school years, where a year without
 * data is a gap in the line (never bridged) and is named under the chart.
 */
export const RegionIndicators = () => {
  const theme = useTheme();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(currentAcademicYear());
  const openCard = (tenantId: string) => navigate(schoolCardLink(tenantId, period));
  const [code, setCode] = useState('N1');
  const definitions = useApi<IndicatorDefinition[]>('indicator-definitions', (dataProvider) =>
    dataProvider.graphql<{ indicatorDefinitions: IndicatorDefinition[] }>('query Definitions { indicatorDefinitions { code shortTitle title unit defaultTarget } }').then((r) => r.indicatorDefinitions.filter(isHeadline)),
  );
  const data = useApi<{ comparison: Comparison; trend: IndicatorTrendPoint[] }>(`comparison:${period}:${code}`, async (dataProvider) => {
    const result = await dataProvider.graphql<{ indicatorComparison: Comparison; indicatorTrend: IndicatorTrendPoint[] }>(
      `query Comparison($period: String!, $code: String!) {
        indicatorComparison(period: $period, code: $code) {
          indicator { code shortTitle title unit defaultTarget } target
          total { ${AGGREGATE} } municipalities { ${AGGREGATE} } organisations { ${VALUE_FIELDS} }
        }
        indicatorTrend(code: $code) { period numerator denominator value organisations }
      }`,
      { period, code },
    );
    return { comparison: result.indicatorComparison, trend: result.indicatorTrend };
  });
  const comparison = data.data?.comparison;
  const unit = comparison?.indicator.unit ?? 'percent';
  const percent = unit === 'percent';
  const municipalityBars = (comparison?.municipalities ?? []).map((m) => {
    const value = m.organisations === 0 ? null : percent ? ratio(m.numerator, m.denominator) : m.numerator;
    // A bar without a value has no label of its own: the name says it.
    return { name: value === null ? `${m.name} (нет данных)` : m.name, value };
  });
  const all = comparison?.organisations ?? [];
  const ranked = all.filter((o) => o.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.tenantName.localeCompare(b.tenantName, 'ru'));
  const unranked = all.filter((o) => o.rank === null).sort((a, b) => a.tenantName.localeCompare(b.tenantName, 'ru'));
  const trend = [...(data.data?.trend ?? [])].sort((a, b) => a.period.localeCompare(b.period));
  const gaps = trend.filter((point) => point.value === null).map((point) => point.period);

  return (
    <Card variant="outlined" data-testid="region-indicators">
      <CardHeader
        title="Сравнение организаций по показателям"
        subheader={comparison ? `${comparison.indicator.title}${comparison.target !== null ? ` · цель ${formatValue(comparison.target, unit)}` : ''}` : undefined}
        slotProps={{ title: { variant: 'h6' } }}
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextField select fullWidth={false} size="small" label="Показатель" value={code} onChange={(e) => setCode(e.target.value)} sx={{ minWidth: 280 }} data-testid="indicator-select">
              {(definitions.data ?? []).map((d) => (
                <MenuItem key={d.code} value={d.code}>
                  {d.code} — {d.shortTitle}
                </MenuItem>
              ))}
            </TextField>
            <PeriodSelect value={period} onChange={setPeriod} />
            {REGION_REPORT_ACTIONS.map((Action, index) => (
              <Action key={index} period={period} code={code} />
            ))}
          </Box>
        {data.isPending && <LinearProgress />}
        {data.error && <Alert severity="error">{data.error.message}</Alert>}
        {comparison && (
          <>
              <Box>
                <Typography variant="subtitle1" gutterBottom>
                  Рейтинг организаций
                </Typography>
                <Table size="small" data-testid="league-table">
                  <TableHead>
                    <TableRow>
                      <TableCell>Место</TableCell>
                      <TableCell>Организация</TableCell>
                      <TableCell>Муниципалитет</TableCell>
                      <TableCell align="right">Числитель / знаменатель</TableCell>
                      <TableCell align="right">Значение</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {ranked.map((row) => (
                      <TableRow
                        key={row.tenantId}
                        hover
                        data-rank={row.rank}
                        data-below-target={row.belowTarget ? 'true' : undefined}
                        onClick={() => openCard(row.tenantId)}
                        title="Открыть карточку школы"
                        sx={{ cursor: 'pointer', ...(row.belowTarget ? { bgcolor: alpha(theme.palette.warning.main, 0.12) } : {}) }}
                      >
                        <TableCell>{row.rank}</TableCell>
                        <TableCell>{row.tenantName}</TableCell>
                        <TableCell>{row.municipalityName ?? '—'}</TableCell>
                        <TableCell align="right">{row.denominator === null ? row.numerator : `${row.numerator} / ${row.denominator}`}</TableCell>
                        <TableCell align="right">{row.belowTarget ? <Chip size="small" color="warning" label={formatValue(row.value, unit)} /> : formatValue(row.value, unit)}</TableCell>
                      </TableRow>
                    ))}
                    {unranked.length > 0 && (
                      <TableRow data-testid="league-no-data">
                        <TableCell colSpan={5} sx={{ bgcolor: theme.palette.action.hover }}>
                          <Typography variant="body2" color="text.secondary">
                            Нет данных — не ранжируются ({unranked.length})
                          </Typography>
                        </TableCell>
                      </TableRow>
                    )}
                    {unranked.map((row) => (
                      <TableRow key={row.tenantId} hover data-rank="none" onClick={() => openCard(row.tenantId)} title="Открыть карточку школы" sx={{ cursor: 'pointer' }}>
                        <TableCell>—</TableCell>
                        <TableCell>{row.tenantName}</TableCell>
                        <TableCell>{row.municipalityName ?? '—'}</TableCell>
                        <TableCell align="right">{row.computedAt === null ? '—' : row.denominator === null ? row.numerator : `${row.numerator} / ${row.denominator}`}</TableCell>
                        <TableCell align="right">нет данных</TableCell>
                      </TableRow>
                    ))}
                    {comparison.total && (
                      <TableRow>
                        <TableCell />
                        <TableCell colSpan={2}>
                          <strong>Всего ({comparison.total.name})</strong>
                        </TableCell>
                        <TableCell align="right">
                          <strong>{comparison.total.denominator === null ? comparison.total.numerator : `${comparison.total.numerator} / ${comparison.total.denominator}`}</strong>
                        </TableCell>
                        <TableCell align="right">
                          <strong>{formatValue(comparison.total.value, unit)}</strong>
                        </TableCell>
                      </TableRow>
                    )}
                  </TableBody>
                </Table>
                <Typography variant="caption" color="text.secondary" component="p">
                  Равные значения делят место (1, 1, 3). Щелчок по строке открывает карточку школы.
                  {comparison.target !== null && ` Выделены организации ниже цели (${formatValue(comparison.target, unit)}).`}
                </Typography>
              </Box>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 3 }}>
              <Box data-testid="municipality-chart">
                <Typography variant="subtitle1" gutterBottom>
                  По муниципалитетам (Σ числителей / Σ знаменателей)
                </Typography>
                <ResponsiveContainer width="100%" height={Math.max(200, municipalityBars.length * 40 + 40)}>
                  <BarChart data={municipalityBars} layout="vertical" margin={{ left: 8, right: 32 }}>
                    <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                    <XAxis type="number" domain={percent ? [0, 100] : [0, 'auto']} unit={percent ? ' %' : ''} tick={{ fontSize: 12 }} />
                    <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} interval={0} />
                    <Tooltip formatter={(value) => [formatValue(Number(value), unit), 'Значение']} />
                    {comparison.target !== null && <ReferenceLine x={comparison.target} stroke={theme.palette.error.main} strokeDasharray="4 4" label={{ value: 'цель', position: 'top', fontSize: 11 }} />}
                    <Bar dataKey="value" isAnimationActive={false} maxBarSize={24}>
                      <LabelList dataKey="value" position="right" formatter={(value: unknown) => (typeof value === 'number' ? formatValue(value, unit) : 'нет данных')} style={{ fontSize: 12, fill: theme.palette.text.primary }} />
                      {municipalityBars.map((bar) => (
                        <Cell key={bar.name} fill={comparison.target !== null && (bar.value ?? 0) < comparison.target ? theme.palette.warning.main : theme.palette.primary.main} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            <Box data-testid="trend-chart">
              <Typography variant="subtitle1" gutterBottom>
                Динамика по учебным годам
              </Typography>
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={trend} margin={{ left: 8, right: 32, top: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="period" tick={{ fontSize: 12 }} padding={{ left: 24, right: 24 }} />
                  <YAxis domain={percent ? [0, 100] : [0, 'auto']} unit={percent ? ' %' : ''} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(value) => [formatValue(Number(value), unit), 'Значение']} />
                  {comparison.target !== null && <ReferenceLine y={comparison.target} stroke={theme.palette.error.main} strokeDasharray="4 4" />}
                  <Line type="linear" dataKey="value" stroke={theme.palette.primary.main} strokeWidth={2} isAnimationActive={false} connectNulls={false} dot={{ r: 4 }} />
                </LineChart>
              </ResponsiveContainer>
              {gaps.length > 0 && (
                <Typography variant="caption" color="text.secondary" data-testid="trend-gaps">
                  Нет данных: {gaps.join(', ')} — линия прерывается.
                </Typography>
              )}
            </Box>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
