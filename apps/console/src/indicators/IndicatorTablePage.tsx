import DownloadIcon from '@mui/icons-material/Download';
import { Alert, alpha, Box, Button, Card, CardContent, Chip, LinearProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, TableSortLabel, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { currentAcademicYear } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { useApi } from '../dashboard/useApi';
import { schoolCardLink } from '../schools/types';
import { PeriodSelect } from './PeriodSelect';
import { formatValue, type IndicatorDefinition, type IndicatorValue, indicatorLabel, isHeadline } from './types';

type Row = { tenantId: string; tenantName: string; municipalityName: string | null; cells: IndicatorValue[] };
type Table = { indicators: IndicatorDefinition[]; rows: Row[] };
type Sort = { by: string; order: 'asc' | 'desc' };

const DEFAULT_COLUMNS = ['N1', 'T1', 'T3', 'T4'];

/** The rows in the table's order — the same rule as the XLSX (`indicator-table.controller.ts`): a column's value, rows without one last. */
export function sortRows(rows: readonly Row[], codes: readonly string[], sort: Sort): Row[] {
  const sign = sort.order === 'desc' ? -1 : 1;
  const byName = (a: Row, b: Row) => a.tenantName.localeCompare(b.tenantName, 'ru');
  const column = codes.indexOf(sort.by);
  return [...rows].sort((a, b) => {
    if (sort.by === 'municipality') return sign * (a.municipalityName ?? '').localeCompare(b.municipalityName ?? '', 'ru') || byName(a, b);
    if (column < 0) return sign * byName(a, b);
    const x = a.cells[column]?.value ?? null;
    const y = b.cells[column]?.value ?? null;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/**
 * «Таблица показателей» (issue 13): the region's schools × the indicators the analyst picks,
 * sortable by any column, each cell its value with numerator / denominator and highlighted when
 * below target; «Скачать XLSX» downloads the same table as the API writes it (formula-safe).
 */
export const IndicatorTablePage = () => {
  const theme = useTheme();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [period, setPeriod] = useState(currentAcademicYear());
  const [codes, setCodes] = useState<string[]>(DEFAULT_COLUMNS);
  const [sort, setSort] = useState<Sort>({ by: 'name', order: 'asc' });
  const definitions = useApi<IndicatorDefinition[]>('indicator-definitions', (dp) =>
    dp.graphql<{ indicatorDefinitions: IndicatorDefinition[] }>('query Definitions { indicatorDefinitions { code shortTitle title unit defaultTarget } }').then((r) => r.indicatorDefinitions.filter(isHeadline)),
  );
  const table = useApi<Table>(`indicator-table:${period}:${codes.join(',')}`, (dp) =>
    codes.length === 0
      ? Promise.resolve({ indicators: [], rows: [] })
      : dp
          .graphql<{ indicatorTable: Table }>(
            `query IndicatorTable($period: String!, $codes: [String!]!) { indicatorTable(period: $period, codes: $codes) {
              indicators { code shortTitle title unit defaultTarget }
              rows { tenantId tenantName municipalityName cells { code tenantId tenantName municipalityName numerator denominator value target belowTarget rank computedAt denominatorSource } }
            } }`,
            { period, codes },
          )
          .then((r) => r.indicatorTable),
  );
  const toggle = (code: string) => {
    setCodes((current) => {
      const next = current.includes(code) ? current.filter((c) => c !== code) : [...current, code];
      const order = (definitions.data ?? []).map((d) => d.code);
      return next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    });
    if (sort.by === code) setSort({ by: 'name', order: 'asc' });
  };
  const sortBy = (by: string) => setSort((s) => ({ by, order: s.by === by && s.order === 'asc' ? 'desc' : by === 'name' || by === 'municipality' ? 'asc' : s.by === by ? 'asc' : 'desc' }));
  const download = async () => {
    try {
      const query = new URLSearchParams({ period, codes: codes.join(','), sort: sort.by, order: sort.order });
      const blob = await dataProvider.fetchFile(`/indicator-table/export.xlsx?${query.toString()}`);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `Таблица показателей ${period.replace('/', '-')}.xlsx`;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(`Не удалось выгрузить таблицу: ${(error as Error).message}`, { type: 'error' });
    }
  };
  const data = table.data;
  const shown = data ? data.indicators.map((d) => d.code) : [];
  const rows = data ? sortRows(data.rows, shown, sort) : [];

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="indicator-table-page">
      <Title title="Таблица показателей" />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h5" component="h1">
            Таблица показателей
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Школы региона по выбранным показателям. Щелчок по заголовку столбца сортирует, по школе — открывает её карточку.
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <PeriodSelect value={period} onChange={setPeriod} />
          <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={codes.length === 0} data-testid="indicator-table-export">
            Скачать XLSX
          </Button>
        </Box>
      </Box>
      <Card variant="outlined">
        <CardContent sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }} data-testid="indicator-columns">
          <Typography variant="body2" color="text.secondary" sx={{ mr: 1 }}>
            Столбцы:
          </Typography>
          {(definitions.data ?? []).map((d) => (
            <Chip key={d.code} label={indicatorLabel(d)} title={d.title} color={codes.includes(d.code) ? 'primary' : 'default'} variant={codes.includes(d.code) ? 'filled' : 'outlined'} onClick={() => toggle(d.code)} data-code={d.code} />
          ))}
        </CardContent>
      </Card>
      {table.isPending && <LinearProgress />}
      {table.error && <Alert severity="error">{table.error.message}</Alert>}
      {codes.length === 0 && <Typography color="text.secondary">Выберите хотя бы один показатель.</Typography>}
      {data && data.indicators.length > 0 && (
        <Card variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="indicator-table">
            <TableHead>
              <TableRow>
                <TableCell sortDirection={sort.by === 'name' ? sort.order : false}>
                  <TableSortLabel active={sort.by === 'name'} direction={sort.by === 'name' ? sort.order : 'asc'} onClick={() => sortBy('name')}>
                    Школа
                  </TableSortLabel>
                </TableCell>
                <TableCell sortDirection={sort.by === 'municipality' ? sort.order : false}>
                  <TableSortLabel active={sort.by === 'municipality'} direction={sort.by === 'municipality' ? sort.order : 'asc'} onClick={() => sortBy('municipality')}>
                    Муниципалитет
                  </TableSortLabel>
                </TableCell>
                {data.indicators.map((d) => (
                  <TableCell key={d.code} align="right" sortDirection={sort.by === d.code ? sort.order : false} title={d.title}>
                    <TableSortLabel active={sort.by === d.code} direction={sort.by === d.code ? sort.order : 'desc'} onClick={() => sortBy(d.code)} data-testid={`sort-${d.code}`}>
                      {indicatorLabel(d)}
                    </TableSortLabel>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.tenantId} hover data-tenant={row.tenantId}>
                  <TableCell>
                    <Link component={RouterLink} to={schoolCardLink(row.tenantId, period)} underline="hover">
                      {row.tenantName}
                    </Link>
                  </TableCell>
                  <TableCell>{row.municipalityName ?? '—'}</TableCell>
                  {row.cells.map((cell, i) => {
                    const unit = data.indicators[i]?.unit ?? 'percent';
                    return (
                      <TableCell key={cell.code} align="right" sx={cell.belowTarget ? { bgcolor: alpha(theme.palette.warning.main, 0.14) } : undefined} data-below-target={cell.belowTarget ? 'true' : undefined}>
                        <Box component="span" sx={{ fontWeight: 500 }}>
                          {cell.computedAt === null ? 'нет данных' : formatValue(cell.value, unit)}
                        </Box>
                        {cell.computedAt !== null && cell.denominator !== null && (
                          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {cell.numerator} / {cell.denominator}
                          </Typography>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 2, py: 1 }}>
            Выделены значения ниже цели. Школ: {rows.length}.
          </Typography>
        </Card>
      )}
    </Box>
  );
};
