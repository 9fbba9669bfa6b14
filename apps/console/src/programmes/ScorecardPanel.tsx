import { Box, Button, Chip, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { labelOf } from '../common/choices';
import { useGraphqlAction } from '../common/graphql';
import type { ConsoleDataProvider } from '../dataProvider';
import { ownValue } from '@nastavnik/contracts/lookup';

type Scorecard = { id: string; ratedOn: string; rater: string; scores: number[]; total: number; level: string; academicYear: string };
type Indicator = { code: string; title: string; criterion: string };

const LEVEL_COLOR: Record<string, 'success' | 'warning' | 'error'> = { OPTIMAL: 'success', ACCEPTABLE: 'warning', UNACCEPTABLE: 'error' };

/** Показатели эффективности E1–E9 of a programme: each rating with its total and level; a new rating below. */
export const ScorecardPanel = () => {
  const programme = useRecordContext<{ id: string; academicYear: string }>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [data, setData] = useState<{ cards: Scorecard[]; indicators: Indicator[] } | null>(null);
  const [scores, setScores] = useState<number[]>(Array(9).fill(1));
  const [rater, setRater] = useState('');
  const { run, pending } = useGraphqlAction();
  const programmeId = programme?.id;
  const load = useCallback(async () => {
    if (!programmeId) return;
    const result = await dataProvider.graphql<{ allProgrammeScorecards: Scorecard[]; scorecardIndicators: Indicator[] }>(
      `query Scorecards($programmeId: ID!) {
        allProgrammeScorecards(filter: { programmeId: $programmeId }, perPage: 100) { id ratedOn rater scores total level academicYear }
        scorecardIndicators { code title criterion }
      }`,
      { programmeId },
    );
    setData({ cards: result.allProgrammeScorecards, indicators: result.scorecardIndicators });
  }, [dataProvider, programmeId]);
  useEffect(() => {
    load().catch((error: Error) => notify(error.message, { type: 'error' }));
  }, [load, notify]);
  if (!programme || !data) return null;
  const add = async () => {
    const ok = await run(
      'mutation Rate($input: CreateProgrammeScorecardInput!) { createProgrammeScorecard(input: $input) { id } }',
      { input: { programmeId: programme.id, academicYear: programme.academicYear, ratedOn: new Date().toISOString().slice(0, 10), rater, scores } },
    );
    if (ok) await load();
  };
  const t = (key: string) => translate(`resources.programmes.scorecards.${key}`);
  // One row per indicator (its name, the code as a hint), one column per rating, the new rating last.
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: '100%', overflowX: 'auto' }} data-testid="scorecards">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('indicator')}</TableCell>
            {data.cards.map((card) => (
              <TableCell key={card.id} align="center" data-testid="scorecard-column">
                <Typography variant="body2">{new Date(card.ratedOn).toLocaleDateString('ru-RU')}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {card.rater}
                </Typography>
              </TableCell>
            ))}
            <TableCell align="center">{t('add')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.indicators.map((indicator, index) => (
            <TableRow key={indicator.code} data-testid="scorecard-indicator">
              <TableCell sx={{ maxWidth: 520 }}>
                <Tooltip title={indicator.criterion}>
                  <Typography variant="body2">{indicator.title}</Typography>
                </Tooltip>
                <Typography variant="caption" color="text.secondary">
                  {indicator.code}
                </Typography>
              </TableCell>
              {data.cards.map((card) => (
                <TableCell key={card.id} align="center">
                  {card.scores[index]}
                </TableCell>
              ))}
              <TableCell align="center">
                <TextField
                  select
                  size="small"
                  value={scores[index]}
                  sx={{ width: 88 }}
                  slotProps={{ htmlInput: { 'aria-label': indicator.title } }}
                  onChange={(event) => setScores((current) => current.map((s, i) => (i === index ? Number(event.target.value) : s)))}
                >
                  {[0, 1, 2].map((value) => (
                    <MenuItem key={value} value={value}>
                      {value}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t('total')}</TableCell>
            {data.cards.map((card) => (
              <TableCell key={card.id} align="center">
                {card.total}
              </TableCell>
            ))}
            <TableCell align="center">{scores.reduce((a, b) => a + b, 0)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t('level')}</TableCell>
            {data.cards.map((card) => (
              <TableCell key={card.id} align="center">
                <Chip size="small" color={ownValue(LEVEL_COLOR, card.level)} label={labelOf('ScorecardLevel', card.level)} />
              </TableCell>
            ))}
            <TableCell align="center" sx={{ minWidth: 220 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <TextField size="small" value={rater} onChange={(event) => setRater(event.target.value)} placeholder={t('rater')} label={t('rater')} />
                <Button size="small" variant="contained" disabled={pending || rater.trim().length < 3} onClick={add}>
                  {translate('ra.action.save')}
                </Button>
              </Box>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {['UNACCEPTABLE', 'ACCEPTABLE', 'OPTIMAL'].map((level) => labelOf('ScorecardLevel', level)).join('; ')}
      </Typography>
    </Box>
  );
};
