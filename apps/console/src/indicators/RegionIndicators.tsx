import { Alert, alpha, Box, Card, CardContent, CardHeader, Chip, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography, useTheme } from '@mui/material';
import { type ReactElement, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
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
 * indicator (those below target highlighted), a bar per municipality (Σnum/Σden), and the
 * region's trend across school years.
 */
export const RegionIndicators = () => {
  const theme = useTheme();
  const [period, setPeriod] = useState(currentAcademicYear());
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
  const municipalityBars = (comparison?.municipalities ?? []).map((m) => ({ name: m.name, value: percent ? ratio(m.numerator, m.denominator) : m.numerator }));
  const organisations = [...(comparison?.organisations ?? [])].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.tenantName.localeCompare(b.tenantName, 'ru'));
  const trend = [...(data.data?.trend ?? [])].sort((a, b) => a.period.localeCompare(b.period));

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
                    {organisations.map((row) => (
                      <TableRow key={row.tenantId} data-below-target={row.belowTarget ? 'true' : undefined} sx={row.belowTarget ? { bgcolor: alpha(theme.palette.warning.main, 0.12) } : undefined}>
                        <TableCell>{row.rank ?? '—'}</TableCell>
                        <TableCell>{row.tenantName}</TableCell>
                        <TableCell>{row.municipalityName ?? '—'}</TableCell>
                        <TableCell align="right">{row.denominator === null ? row.numerator : `${row.numerator} / ${row.denominator}`}</TableCell>
                        <TableCell align="right">{row.belowTarget ? <Chip size="small" color="warning" label={formatValue(row.value, unit)} /> : formatValue(row.value, unit)}</TableCell>
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
                {comparison.target !== null && (
                  <Typography variant="caption" color="text.secondary">
                    Выделены организации ниже цели ({formatValue(comparison.target, unit)}).
                  </Typography>
                )}
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
                  <XAxis dataKey="period" tick={{ fontSize: 12 }} />
                  <YAxis domain={percent ? [0, 100] : [0, 'auto']} unit={percent ? ' %' : ''} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(value) => [formatValue(Number(value), unit), 'Значение']} />
                  {comparison.target !== null && <ReferenceLine y={comparison.target} stroke={theme.palette.error.main} strokeDasharray="4 4" />}
                  <Line type="monotone" dataKey="value" stroke={theme.palette.primary.main} strokeWidth={2} isAnimationActive={false} connectNulls />
                </LineChart>
              </ResponsiveContainer>
            </Box>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
