import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import FlagIcon from '@mui/icons-material/Flag';
import { Alert, Box, Button, Card, CardContent, CardHeader, IconButton, LinearProgress, Link, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { currentAcademicYear } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { fetchAllTenants, useApi } from '../dashboard/useApi';
import { schoolCardLink } from '../schools/types';
import type { Tenant } from '../tenants/types';
import { PeriodSelect } from './PeriodSelect';
import { formatValue, type IndicatorDefinition, type IndicatorValue, indicatorLabel, isHeadline } from './types';

type Target = { id: string; tenantId: string; tenantName: string; tenantKind: 'REGION' | 'MUNICIPALITY'; period: string; code: string; target: number; updatedAt: string };
type Comparison = { target: number | null; belowTarget: IndicatorValue[]; organisations: IndicatorValue[] };

const TARGET_FIELDS = 'id tenantId tenantName tenantKind period code target updatedAt';

/**
 * «Цели региона» (issue 13): the region analyst sets, for a school year, the target of any
 * indicator for the region or one of its municipalities (the most specific applies to a school;
 * without one the indicator's default target does), sees the targets set, and below them the
 * schools below target on the chosen indicator — the list follows a change at once.
 */
export const TargetsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [period, setPeriod] = useState(currentAcademicYear());
  const [code, setCode] = useState('N1');
  const [nodeId, setNodeId] = useState('');
  const [value, setValue] = useState('');
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);

  const setup = useApi<{ definitions: IndicatorDefinition[]; nodes: Tenant[] }>('targets-setup', async (dp) => {
    const [{ indicatorDefinitions }, regions, municipalities] = await Promise.all([
      dp.graphql<{ indicatorDefinitions: IndicatorDefinition[] }>('query Definitions { indicatorDefinitions { code shortTitle title unit defaultTarget } }'),
      fetchAllTenants(dp, { kind: 'REGION' }),
      fetchAllTenants(dp, { kind: 'MUNICIPALITY' }),
    ]);
    return { definitions: indicatorDefinitions.filter(isHeadline), nodes: [...regions, ...municipalities].sort((a, b) => a.path.localeCompare(b.path)) };
  });
  const nodes = setup.data?.nodes ?? [];
  const node = nodeId || nodes[0]?.id || '';
  const definition = setup.data?.definitions.find((d) => d.code === code);
  const unit = definition?.unit ?? 'percent';

  const targets = useApi<Target[]>(`targets:${period}:${version}`, (dp) =>
    dp.graphql<{ indicatorTargets: Target[] }>(`query Targets($period: String!) { indicatorTargets(period: $period) { ${TARGET_FIELDS} } }`, { period }).then((r) => r.indicatorTargets),
  );
  const below = useApi<Comparison>(`below:${period}:${code}:${version}`, (dp) =>
    dp
      .graphql<{ indicatorComparison: Comparison }>(
        `query Below($period: String!, $code: String!) { indicatorComparison(period: $period, code: $code) { target belowTarget { tenantId tenantName municipalityName numerator denominator value target } organisations { tenantId } } }`,
        { period, code },
      )
      .then((r) => r.indicatorComparison),
  );

  const save = async () => {
    const target = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(target)) {
      notify('Введите целевое значение числом.', { type: 'warning' });
      return;
    }
    setSaving(true);
    try {
      await dataProvider.graphql(`mutation SetTarget($input: SetIndicatorTargetInput!) { setIndicatorTarget(input: $input) { id } }`, { input: { tenantId: node, period, code, target } });
      notify('Цель установлена.', { type: 'success' });
      setValue('');
      setVersion((v) => v + 1);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await dataProvider.graphql(`mutation RemoveTarget($id: ID!) { removeIndicatorTarget(id: $id) { id } }`, { id });
      notify('Цель снята.', { type: 'info' });
      setVersion((v) => v + 1);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const titleOf = (c: string) => {
    const d = setup.data?.definitions.find((x) => x.code === c);
    return d ? indicatorLabel(d) : c;
  };

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="targets-page">
      <Title title="Цели региона" />
      <Box>
        <Typography variant="h5" component="h1">
          Цели региона
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Регион устанавливает целевые значения показателей на учебный год — для всего региона или для муниципалитета. Для школы действует цель её муниципалитета, если она есть, иначе цель региона, иначе цель по умолчанию.
        </Typography>
      </Box>
      {setup.error && <Alert severity="error">{setup.error.message}</Alert>}
      <Card variant="outlined">
        <CardHeader title="Установить цель" slotProps={{ title: { variant: 'h6' } }} />
        <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <PeriodSelect value={period} onChange={setPeriod} />
          <TextField select fullWidth={false} size="small" label="Показатель" value={code} onChange={(e) => setCode(e.target.value)} sx={{ minWidth: 300 }} data-testid="target-indicator">
            {(setup.data?.definitions ?? []).map((d) => (
              <MenuItem key={d.code} value={d.code}>
                {indicatorLabel(d)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select fullWidth={false} size="small" label="Для кого" value={node} onChange={(e) => setNodeId(e.target.value)} sx={{ minWidth: 260 }} data-testid="target-node">
            {nodes.map((n) => (
              <MenuItem key={n.id} value={n.id}>
                {n.kind === 'REGION' ? `Регион: ${n.shortName}` : `Муниципалитет: ${n.shortName}`}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            fullWidth={false}
            size="small"
            label={unit === 'percent' ? 'Цель, %' : 'Цель'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            sx={{ width: 140 }}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'target-value' } }}
            helperText={definition?.defaultTarget != null ? `по умолчанию ${formatValue(definition.defaultTarget, unit)}` : ' '}
          />
          <Button variant="contained" startIcon={<FlagIcon />} onClick={() => void save()} disabled={saving || !node} data-testid="target-save">
            Установить
          </Button>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Card variant="outlined">
          <CardHeader title="Установленные цели" subheader={`${period} учебный год`} slotProps={{ title: { variant: 'h6' } }} />
          <CardContent>
            {targets.isPending && <LinearProgress />}
            {targets.error && <Alert severity="error">{targets.error.message}</Alert>}
            {targets.data && targets.data.length === 0 && <Typography color="text.secondary">На этот год цели не установлены — действуют цели по умолчанию.</Typography>}
            {targets.data && targets.data.length > 0 && (
              <Table size="small" data-testid="targets-table">
                <TableHead>
                  <TableRow>
                    <TableCell>Для кого</TableCell>
                    <TableCell>Показатель</TableCell>
                    <TableCell align="right">Цель</TableCell>
                    <TableCell>Установлена</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {targets.data.map((t) => {
                    const u = setup.data?.definitions.find((d) => d.code === t.code)?.unit ?? 'percent';
                    return (
                      <TableRow key={t.id}>
                        <TableCell>{t.tenantName || (t.tenantKind === 'REGION' ? 'Регион' : 'Муниципалитет')}</TableCell>
                        <TableCell>{titleOf(t.code)}</TableCell>
                        <TableCell align="right">{formatValue(t.target, u)}</TableCell>
                        <TableCell>{new Date(t.updatedAt).toLocaleDateString('ru-RU')}</TableCell>
                        <TableCell align="right">
                          <IconButton size="small" aria-label="Снять цель" title="Снять цель" onClick={() => void remove(t.id)}>
                            <DeleteIcon fontSize="small" />
                          </IconButton>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card variant="outlined" data-testid="below-target">
          <CardHeader
            title="Ниже цели"
            subheader={below.data ? `${titleOf(code)} · цель ${formatValue(below.data.target, unit)} · ниже цели ${below.data.belowTarget.length} из ${below.data.organisations.length}` : titleOf(code)}
            slotProps={{ title: { variant: 'h6' } }}
          />
          <CardContent>
            {below.isPending && <LinearProgress />}
            {below.error && <Alert severity="error">{below.error.message}</Alert>}
            {below.data && below.data.belowTarget.length === 0 && <Typography color="text.secondary">Все школы с данными достигают цели.</Typography>}
            {below.data && below.data.belowTarget.length > 0 && (
              <Table size="small" data-testid="below-target-list">
                <TableHead>
                  <TableRow>
                    <TableCell>Школа</TableCell>
                    <TableCell>Муниципалитет</TableCell>
                    <TableCell align="right">Значение</TableCell>
                    <TableCell align="right">Цель</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {below.data.belowTarget.map((o) => (
                    <TableRow key={o.tenantId}>
                      <TableCell>
                        <Link component={RouterLink} to={schoolCardLink(o.tenantId, period)} underline="hover">
                          {o.tenantName}
                        </Link>
                      </TableCell>
                      <TableCell>{o.municipalityName ?? '—'}</TableCell>
                      <TableCell align="right">{formatValue(o.value, unit)}</TableCell>
                      <TableCell align="right">{formatValue(o.target, unit)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
