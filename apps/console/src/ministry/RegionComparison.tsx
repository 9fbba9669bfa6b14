import TableViewIcon from '@mui/icons-material/TableView';
import { Alert, alpha, Box, Button, Card, CardContent, CardHeader, LinearProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { currentAcademicYear } from '../common/graphql';
import { useApi } from '../dashboard/useApi';
import { PeriodSelect } from '../indicators/PeriodSelect';
import { formatValue } from '../indicators/types';

type Figure = { code: string; numerator: number; denominator: number | null; value: number | null; belowTarget: boolean | null };
type RegionLine = { regionId: string | null; name: string; fullName: string; organisations: number; reporting: number; figures: Figure[] };
type Indicator = { code: string; title: string; shortTitle: string; unit: string; target: number | null; targetDirection: string | null };
export type RegionComparisonData = { period: string; indicators: Indicator[]; regions: RegionLine[]; total: RegionLine };

const LINE = 'regionId name fullName organisations reporting figures { code numerator denominator value belowTarget }';

/** The target model's codes (T1, N1, M3 …) are the documents' own; a headcount has none worth showing (no Latin words in the UI). */
const shortCode = (code: string) => (/^[А-ЯA-Z]\d$/.test(code) ? code : '');
const optionLabel = (i: Indicator) => (shortCode(i.code) ? `${i.code} — ${i.shortTitle}` : i.shortTitle);

/** The figure of one indicator as the table prints it: the value, and Σnumerator / Σdenominator under it. */
const FigureCell = ({ figure, unit, strong }: { figure: Figure | undefined; unit: string; strong?: boolean }) => {
  const theme = useTheme();
  if (!figure) return <TableCell align="right">—</TableCell>;
  const below = figure.belowTarget === true;
  return (
    <TableCell
      align="right"
      data-code={figure.code}
      data-below-target={below ? 'true' : undefined}
      sx={{ bgcolor: below ? alpha(theme.palette.warning.main, 0.16) : undefined, fontWeight: strong ? 600 : undefined, whiteSpace: 'nowrap' }}
    >
      <Box component="span" sx={{ display: 'block' }}>
        {formatValue(figure.value, unit)}
      </Box>
      {unit === 'percent' && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {figure.numerator} / {figure.denominator ?? 0}
        </Typography>
      )}
    </TableCell>
  );
};

/**
 * The ministry's home: every region on the target-model indicators (T1–T4, N1, M1–M5, mentors and
 * mentees) for a school year — a table of regions × indicators with Σnumerator / Σdenominator under
 * each value and the all-Russia total, values below the target shaded — and a plot of one chosen
 * indicator across the regions with the target and the all-Russia value as lines. A region without
 * data is listed with zeros (the same figures as the statistical-form extract: one query serves both).
 */
export const RegionComparison = () => {
  const theme = useTheme();
  const [period, setPeriod] = useState(currentAcademicYear());
  const [code, setCode] = useState('T1');
  const data = useApi<RegionComparisonData>(`region-comparison:${period}`, (dataProvider) =>
    dataProvider
      .graphql<{ regionComparison: RegionComparisonData }>(
        `query RegionComparison($period: String!) {
          regionComparison(period: $period) {
            period indicators { code title shortTitle unit target targetDirection }
            regions { ${LINE} } total { ${LINE} }
          }
        }`,
        { period },
      )
      .then((r) => r.regionComparison),
  );
  const comparison = data.data;
  const indicator = comparison?.indicators.find((i) => i.code === code);
  const unit = indicator?.unit ?? 'percent';
  const figureOf = (line: RegionLine, c: string) => line.figures.find((f) => f.code === c);
  const bars = (comparison?.regions ?? []).map((region) => {
    const figure = figureOf(region, code);
    return { name: figure?.value === null || figure?.value === undefined ? `${region.name} (нет данных)` : region.name, value: figure?.value ?? null, below: figure?.belowTarget === true };
  });
  const totalValue = comparison ? (figureOf(comparison.total, code)?.value ?? null) : null;

  return (
    <Card variant="outlined" data-testid="region-comparison">
      <CardHeader
        title="Сравнение регионов по показателям целевой модели"
        subheader="Значение региона — сумма числителей и сумма знаменателей по его организациям (не среднее процентов); под значением — числитель / знаменатель. Регион без рассчитанных данных показан нулями."
        slotProps={{ title: { variant: 'h6' } }}
        action={
          <Button component={Link} to="/extracts" startIcon={<TableViewIcon />} size="small" variant="outlined">
            Выгрузка по форме
          </Button>
        }
      />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <PeriodSelect value={period} onChange={setPeriod} />
        </Box>
        {data.isPending && <LinearProgress />}
        {data.error && <Alert severity="error">Не удалось загрузить сравнение регионов: {data.error.message}</Alert>}
        {comparison && (
          <>
            {/* `contain: inline-size`: a wide table scrolls inside the card instead of widening the page. */}
            <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
              <Table size="small" data-testid="region-comparison-table" sx={{ '& th': { verticalAlign: 'bottom' }, '& td, & th': { px: 0.75, fontSize: '0.8125rem' } }}>
                <TableHead>
                  <TableRow>
                    <TableCell>Регион</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      Организации
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        с данными / всего
                      </Typography>
                    </TableCell>
                    {comparison.indicators.map((i) => (
                      <TableCell key={i.code} align="right">
                        <Tooltip title={`${i.title}${i.target !== null ? ` · цель ${i.targetDirection === 'at_most' ? '≤' : '≥'} ${formatValue(i.target, i.unit)}` : ''}`}>
                          <span>{shortCode(i.code) || i.shortTitle}</span>
                        </Tooltip>
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {comparison.regions.map((region) => (
                    <TableRow key={region.regionId ?? region.name} data-testid="region-comparison-row" data-region={region.name}>
                      <TableCell>
                        {region.name}
                        {region.reporting === 0 && (
                          <Typography component="span" variant="caption" color="warning.main" sx={{ display: 'block' }}>
                            нет рассчитанных данных
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell align="right">
                        {region.reporting} / {region.organisations}
                      </TableCell>
                      {comparison.indicators.map((i) => (
                        <FigureCell key={i.code} figure={figureOf(region, i.code)} unit={i.unit} />
                      ))}
                    </TableRow>
                  ))}
                  <TableRow data-testid="region-comparison-total" sx={{ '& td': { borderTop: 2, borderTopColor: 'divider' } }}>
                    <TableCell sx={{ fontWeight: 600 }}>{comparison.total.name}</TableCell>
                    <TableCell align="right" sx={{ fontWeight: 600 }}>
                      {comparison.total.reporting} / {comparison.total.organisations}
                    </TableCell>
                    {comparison.indicators.map((i) => (
                      <FigureCell key={i.code} figure={figureOf(comparison.total, i.code)} unit={i.unit} strong />
                    ))}
                  </TableRow>
                </TableBody>
              </Table>
            </Box>
            <Typography variant="caption" color="text.secondary" data-testid="region-comparison-legend">
              {comparison.indicators
                .filter((i) => shortCode(i.code))
                .map((i) => `${i.code} — ${i.shortTitle}${i.target !== null ? ` (цель ${i.targetDirection === 'at_most' ? '≤' : '≥'} ${formatValue(i.target, i.unit)})` : ''}`)
                .join('; ')}
              . Оттенком выделены значения ниже цели.
            </Typography>
            <Box>
              <TextField select fullWidth={false} size="small" label="Показатель на графике" value={code} onChange={(e) => setCode(e.target.value)} sx={{ minWidth: 320 }} data-testid="comparison-indicator-select">
                {comparison.indicators.map((i) => (
                  <MenuItem key={i.code} value={i.code}>
                    {optionLabel(i)}
                  </MenuItem>
                ))}
              </TextField>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {indicator?.title}
                {indicator?.target !== null && indicator?.target !== undefined ? ` · цель ${indicator.targetDirection === 'at_most' ? '≤' : '≥'} ${formatValue(indicator.target, unit)}` : ''}
                {` · по Российской Федерации ${formatValue(totalValue, unit)}`}
              </Typography>
              <Box data-testid="region-comparison-chart" sx={{ height: Math.max(160, 48 * bars.length + 60), mt: 1 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" domain={unit === 'percent' ? [0, 100] : [0, 'auto']} unit={unit === 'percent' ? ' %' : ''} allowDecimals={false} />
                    <YAxis type="category" dataKey="name" width={280} />
                    <Bar dataKey="value" isAnimationActive={false}>
                      {bars.map((bar) => (
                        <Cell key={bar.name} fill={bar.below ? theme.palette.warning.main : theme.palette.primary.main} />
                      ))}
                      <LabelList dataKey="value" position="right" formatter={(v: unknown) => (typeof v === 'number' ? formatValue(v, unit) : '')} />
                    </Bar>
                    {indicator?.target !== null && indicator?.target !== undefined && (
                      <ReferenceLine x={indicator.target} stroke={theme.palette.error.main} strokeDasharray="4 4" label={{ value: `цель ${formatValue(indicator.target, unit)}`, position: 'top', fontSize: 12 }} />
                    )}
                    {totalValue !== null && <ReferenceLine x={totalValue} stroke={theme.palette.text.secondary} label={{ value: `РФ ${formatValue(totalValue, unit)}`, position: 'insideBottomRight', fontSize: 12 }} />}
                  </BarChart>
                </ResponsiveContainer>
              </Box>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
