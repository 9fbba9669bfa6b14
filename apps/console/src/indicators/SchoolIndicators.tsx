import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, Card, CardContent, CardHeader, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { labelOf } from '../common/choices';
import { currentAcademicYear, useGraphqlAction } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { SchoolReportButton } from '../common/SchoolReportButton';
import { PeriodSelect } from './PeriodSelect';
import { formatValue, type IndicatorDefinition, type IndicatorValue, isHeadline, VALUE_FIELDS } from './types';

type Data = { definitions: IndicatorDefinition[]; values: IndicatorValue[] };

/** The school's target-model indicators for a year against their targets, with «Пересчитать». */
export const SchoolIndicators = () => {
  const theme = useTheme();
  const notify = useNotify();
  const [period, setPeriod] = useState(currentAcademicYear());
  const [version, setVersion] = useState(0);
  const { run, pending } = useGraphqlAction<{ requestIndicatorRecompute: boolean }>();
  const data = useApi<Data>(`school-indicators:${period}:${version}`, async (dataProvider) => {
    const result = await dataProvider.graphql<{ indicatorDefinitions: IndicatorDefinition[]; indicatorValues: IndicatorValue[] }>(
      `query SchoolIndicators($period: String!) { indicatorDefinitions { code shortTitle title unit defaultTarget } indicatorValues(period: $period) { ${VALUE_FIELDS} } }`,
      { period },
    );
    return { definitions: result.indicatorDefinitions, values: result.indicatorValues };
  });
  const recompute = async () => {
    if (await run('mutation Recompute($period: String!) { requestIndicatorRecompute(period: $period) }', { period })) {
      notify('Пересчёт запрошен: показатели обновятся через минуту.', { type: 'info' });
      setTimeout(() => setVersion((v) => v + 1), 5000);
    }
  };
  const definitions = (data.data?.definitions ?? []).filter(isHeadline);
  const byCode = new Map((data.data?.values ?? []).map((value) => [value.code, value]));
  const percents = definitions
    .filter((d) => d.unit === 'percent')
    .map((d) => ({ name: d.code, title: d.shortTitle, value: byCode.get(d.code)?.value ?? 0, target: byCode.get(d.code)?.target ?? d.defaultTarget ?? undefined }));
  const computedAt = [...byCode.values()].map((v) => v.computedAt).filter(Boolean).sort().at(-1);
  return (
    <Card variant="outlined" data-testid="school-indicators">
      <CardHeader
        title="Показатели целевой модели"
        subheader={computedAt ? `Рассчитаны ${new Date(computedAt).toLocaleString('ru-RU')}` : 'Ещё не рассчитаны за этот год'}
        slotProps={{ title: { variant: 'h6' } }}
        action={
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', pr: 1 }}>
            <PeriodSelect value={period} onChange={setPeriod} />
            <Button startIcon={<RefreshIcon />} onClick={recompute} disabled={pending}>
              Пересчитать
            </Button>
            <SchoolReportButton period={period} />
          </Box>
        }
      />
      <CardContent>
        {data.isPending && <LinearProgress />}
        {data.error && <Alert severity="error">{data.error.message}</Alert>}
        {data.data && (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Показатель</TableCell>
                  <TableCell align="right">Числитель / знаменатель</TableCell>
                  <TableCell align="right">Значение</TableCell>
                  <TableCell align="right">Цель</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {definitions.map((definition) => {
                  const value = byCode.get(definition.code);
                  return (
                    <TableRow key={definition.code} title={definition.title}>
                      <TableCell>
                        <Typography variant="body2">{definition.shortTitle}</Typography>
                        {/^[A-Z]\d+$/.test(definition.code) && (
                          <Typography variant="caption" color="text.secondary">
                            {definition.code}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell align="right">
                        {value ? (value.denominator === null ? value.numerator : `${value.numerator} / ${value.denominator}`) : '—'}
                        {value?.denominatorSource && (
                          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: 'nowrap' }} data-testid={`denominator-source-${definition.code}`}>
                            {labelOf('DenominatorSource', value.denominatorSource)}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell align="right">
                        {value?.belowTarget ? <Chip size="small" color="warning" label={formatValue(value.value, definition.unit)} /> : formatValue(value?.value, definition.unit)}
                      </TableCell>
                      <TableCell align="right">{formatValue(value?.target ?? definition.defaultTarget, definition.unit)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <ResponsiveContainer width="100%" height={Math.max(240, percents.length * 34 + 60)}>
              <BarChart data={percents} layout="vertical" margin={{ left: 8, right: 24 }}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 100]} unit=" %" tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="title" width={230} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip />
                <Legend />
                <Bar dataKey="value" name="Значение, %" fill={theme.palette.primary.main} isAnimationActive={false} maxBarSize={14} />
                <Bar dataKey="target" name="Цель, %" fill={theme.palette.grey[400]} isAnimationActive={false} maxBarSize={14} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
