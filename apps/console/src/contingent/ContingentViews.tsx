import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Button, Create, CreateButton, DataTable, DateField, Edit, maxValue, minValue, number, NumberInput, required, SelectInput, SimpleForm, TextField, TopToolbar, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { AppRole } from '@nastavnik/contracts/roles';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { List } from '../common/List';
import { academicYears } from '../common/graphql';
import { EnumField } from '../common/EnumField';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { contingentTotals, gridOf, GRID_AGES, type Contingent, toAges } from './contingent';

const ImportButton = () => {
  const translate = useTranslate();
  return <Button component={Link} to="/contingent-import" label={translate('resources.contingents.import.open')} startIcon={<UploadFileIcon />} />;
};

const ListActions = () => (
  <TopToolbar>
    <ImportButton />
    <CreateButton />
  </TopToolbar>
);

export const ContingentList = () => {
  const { permissions } = usePermissions<AppRole>();
  const ownSchool = permissions === 'curator';
  return (
    <List actions={<ListActions />} sort={{ field: 'schoolYear', order: 'DESC' }} perPage={25}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="schoolYear" />
        {!ownSchool && <DataTable.Col source="tenantName" />}
        <DataTable.NumberCol source="pupils" disableSort />
        <DataTable.NumberCol source="pupils10To19" disableSort />
        <DataTable.NumberCol source="pupils15To19" disableSort />
        <DataTable.NumberCol source="teachers" />
        <DataTable.Col source="source" disableSort>
          <EnumField source="source" enumName="ContingentSource" />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" showTime locales="ru-RU" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

const COUNT = [number('Целое число'), minValue(0, 'Не меньше 0'), maxValue(10000, 'Не больше 10 000')];

/** The ages × counts table of the form, with the totals the indicators will use, as typed. */
const AgeGrid = () => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.contingents.form.${key}`, options);
  const grid = useWatch({ name: 'byAge' }) as Record<string, number | null> | undefined;
  const totals = contingentTotals(toAges(grid ?? {}));
  const half = Math.ceil(GRID_AGES.length / 2);
  const column = (ages: number[]) => (
    <Table size="small" sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('age')}</TableCell>
          <TableCell>{t('count')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ages.map((age) => (
          <TableRow key={age}>
            <TableCell>{age}</TableCell>
            <TableCell sx={{ py: 0 }}>
              <NumberInput source={`byAge.a${age}`} label={false} validate={COUNT} min={0} step={1} size="small" helperText={false} sx={{ width: 110, my: 0.25 }} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {t('ages')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        {column(GRID_AGES.slice(0, half))}
        {column(GRID_AGES.slice(half))}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }} data-testid="contingent-totals">
        {t('total', { pupils: totals.pupils, from10: totals.pupils10To19, from15: totals.pupils15To19 })}
      </Typography>
    </Box>
  );
};

const Intro = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      {translate('resources.contingents.form.intro')}
    </Alert>
  );
};

const transform = (data: Record<string, unknown>) => ({ ...data, ages: toAges((data.byAge as Record<string, number | null>) ?? {}) });

const YEARS = academicYears().map((year) => ({ id: year, name: year }));

export const ContingentCreate = () => (
  <Create transform={transform} redirect="list">
    <SimpleForm defaultValues={{ schoolYear: YEARS[0]?.id, teachers: 0, byAge: gridOf([]) }}>
      <Intro />
      <SelectInput source="schoolYear" choices={YEARS} validate={required()} />
      <NumberInput source="teachers" validate={[required(), number(), minValue(0), maxValue(5000)]} min={0} step={1} />
      <AgeGrid />
    </SimpleForm>
  </Create>
);

const EditForm = () => {
  const record = useRecordContext<Contingent>();
  if (!record) return null;
  return (
    <SimpleForm defaultValues={{ byAge: gridOf(record.ages) }}>
      <Intro />
      <TextField source="schoolYear" variant="h6" />
      <TextField source="tenantName" />
      <NumberInput source="teachers" validate={[required(), number(), minValue(0), maxValue(5000)]} min={0} step={1} />
      <AgeGrid />
      <Typography variant="caption" color="text.secondary">
        <EnumField source="source" enumName="ContingentSource" />
      </Typography>
    </SimpleForm>
  );
};

export const ContingentEdit = () => (
  <Edit transform={transform} mutationMode="pessimistic" redirect="list" error={<EditLoadError />} queryOptions={quietLoadError}>
    <EditForm />
  </Edit>
);

