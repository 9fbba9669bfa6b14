import { Alert, Box, Button, Card, CardContent, MenuItem, Select, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslate } from 'react-admin';

export type ImportColumn = { letter: string; heading: string; field: string | null; source: 'TABLE' | 'SAVED' | 'GIVEN' | null; samples: string[] };
export type ImportTitleLine = { line: number; text: string };
export type ImportFieldOption = { field: string; heading: string; hint: string };

/** How the API reads a file's columns (`POST /participants/import/columns`). */
export type ImportLayout = {
  headerLine: number;
  titleLines: ImportTitleLine[];
  columns: ImportColumn[];
  problems: string[];
  rows: number;
  encoding: string | null;
  delimiter: string | null;
  fields: ImportFieldOption[];
};

export const IGNORE = 'IGNORE';

/** «Строка заголовков — 3. Пропущено как название списка: …» — how the file was read, in one line. */
export const FileReading = ({ headerLine, titleLines, encoding, delimiter }: Pick<ImportLayout, 'headerLine' | 'titleLines' | 'encoding' | 'delimiter'>) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.participants.import.${key}`, options);
  if (headerLine === 1 && titleLines.length === 0 && !encoding) return null; // an ordinary file: nothing to say
  const parts = [t('headerAt', { line: headerLine })];
  if (titleLines.length > 0) parts.push(t('titlesSkipped', { text: titleLines.map((title) => `строка ${title.line} «${title.text}»`).join('; ') }));
  if (encoding && delimiter) parts.push(t('encoding', { encoding, delimiter }));
  return (
    <Typography variant="body2" color="text.secondary" data-testid="import-reading">
      {parts.join(' ')}
    </Typography>
  );
};

type Props = {
  layout: ImportLayout;
  /** The field chosen for each column, by letter ('' — not chosen yet). */
  choices: ReadonlyMap<string, string>;
  onChoose: (letter: string, field: string) => void;
  onCheck: () => void;
  onCancel: () => void;
  pending: boolean;
};

/**
 * The mapping step: every column of the file with a few of its values and the field it is read
 * as; the columns the import did not recognise wait for the curator's choice (a field or «Не
 * загружать»), and any column may be changed. What the API still objects to (a missing or a
 * repeated column) is shown above the table.
 */
export const ImportColumnMapping = ({ layout, choices, onChoose, onCheck, onCancel, pending }: Props) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.participants.import.mapping.${key}`, options);
  const options = [...layout.fields.filter((f) => f.field === IGNORE), ...layout.fields.filter((f) => f.field !== IGNORE)];
  const headingOf = new Map(options.map((option) => [option.field, option.heading]));
  const complete = layout.columns.every((column) => (choices.get(column.letter) ?? '') !== '');
  return (
    <Card variant="outlined" data-testid="import-mapping">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="h6" component="h2">
          {t('title')}
        </Typography>
        <Typography variant="body2">{t('intro')}</Typography>
        <FileReading {...layout} />
        {layout.problems.length > 0 && (
          <Alert severity="warning" data-testid="import-mapping-problems">
            {layout.problems.map((problem) => (
              <div key={problem}>{problem}</div>
            ))}
          </Alert>
        )}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('letter')}</TableCell>
                <TableCell>{t('heading')}</TableCell>
                <TableCell>{t('samples')}</TableCell>
                <TableCell sx={{ minWidth: 280 }}>{t('field')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {layout.columns.map((column) => {
                const chosen = choices.get(column.letter) ?? '';
                return (
                  <TableRow key={column.letter} data-testid="import-mapping-column" sx={column.field === null ? { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12) } : undefined}>
                    <TableCell>{column.letter}</TableCell>
                    <TableCell>
                      {column.heading}
                      {column.field === null && (
                        <Typography variant="caption" color="warning.dark" sx={{ display: 'block' }}>
                          {t('unknown')}
                        </Typography>
                      )}
                      {column.source === 'SAVED' && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {t('saved')}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ color: 'text.secondary', maxWidth: 320, overflowWrap: 'anywhere' }}>{column.samples.join(' · ')}</TableCell>
                    <TableCell>
                      <Select
                        size="small"
                        fullWidth
                        displayEmpty
                        value={chosen}
                        onChange={(event) => onChoose(column.letter, String(event.target.value))}
                        renderValue={(value) => (value === '' ? <em>{t('choose')}</em> : (headingOf.get(String(value)) ?? String(value)))}
                        inputProps={{ 'aria-label': `${t('field')}: ${column.letter} «${column.heading}»` }}
                      >
                        {options.map((option) => (
                          <MenuItem key={option.field} value={option.field} title={option.hint}>
                            {option.heading}
                          </MenuItem>
                        ))}
                      </Select>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
        {!complete && <Alert severity="info">{t('incomplete')}</Alert>}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button variant="contained" onClick={onCheck} disabled={pending || !complete}>
            {translate('resources.participants.import.check')}
          </Button>
          <Button onClick={onCancel} disabled={pending}>
            {translate('resources.participants.import.cancel')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
