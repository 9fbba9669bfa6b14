import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import { Box, Button, Typography } from '@mui/material';
import {
  Create,
  DataTable,
  Edit,
  EditButton,
  ReferenceManyField,
  required,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { List } from '../common/List';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { RuDateField } from '../common/RuDateField';
import { RuDateInput } from '../common/RuDateInput';
import { academicYears, currentAcademicYear, useGraphqlAction } from '../common/graphql';
import type { ConsoleResource } from '../registry';
import { LabelField } from './LabelField';
import { COMPETITION_STATUS_CHOICES, competitionStatusLabel, NOMINATION_CHOICES, nominationLabel, RESULT_CHOICES, resultLabel } from './labels';

const RESULT = `mutation($id: ID!, $result: CompetitionResult) { setCompetitionResult(id: $id, result: $result) { id result } }`;

/** One button per result: the chosen one filled; a second click on it clears the result. */
const ResultButtons = () => {
  const record = useRecordContext<{ id: string; result: string | null }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { run, pending } = useGraphqlAction();
  if (!record) return null;
  const choose = async (result: string | null) => {
    if (await run(RESULT, { id: record.id, result })) {
      notify(result ? `Итог: ${resultLabel(result).toLowerCase()}` : 'Итог снят', { type: 'success' });
      refresh();
    }
  };
  return (
    <span style={{ display: 'inline-flex', gap: 6 }}>
      {RESULT_CHOICES.map((c) => (
        <Button key={c.id} size="small" disabled={pending} variant={record.result === c.id ? 'contained' : 'outlined'} onClick={() => choose(record.result === c.id ? null : c.id)}>
          {c.name}
        </Button>
      ))}
    </span>
  );
};

const CompetitionList = () => (
  <List sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} filters={[<SelectInput key="status" source="status" choices={COMPETITION_STATUS_CHOICES} alwaysOn />]}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="academicYear" />
      <DataTable.Col source="nominations" disableSort>
        <LabelField source="nominations" labelOf={nominationLabel} chip />
      </DataTable.Col>
      <DataTable.Col source="entriesUntil">
        <RuDateField source="entriesUntil" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <LabelField source="status" labelOf={competitionStatusLabel} />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The competition with its entries from the schools of the region, and the result of each. */
const CompetitionShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
    error={<EditLoadError />}
    queryOptions={quietLoadError}
  >
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="academicYear" />
      <LabelField source="nominations" labelOf={nominationLabel} chip />
      <RuDateField source="entriesUntil" emptyText="не ограничен" />
      <LabelField source="status" labelOf={competitionStatusLabel} />
      <Box sx={{ mt: 2 }}>
        <Typography variant="h6" gutterBottom>
          Заявки школ
        </Typography>
        <ReferenceManyField reference="competition-entries" target="competitionId" perPage={100} sort={{ field: 'nomination', order: 'ASC' }}>
          <DataTable bulkActionButtons={false} rowClick={false} empty={<Typography color="text.secondary">Школы ещё не подали заявок.</Typography>}>
            <DataTable.Col source="nomination" label="Номинация">
              <LabelField source="nomination" labelOf={nominationLabel} />
            </DataTable.Col>
            <DataTable.Col source="mentorName" label="Наставник" />
            <DataTable.Col source="schoolName" label="Организация" />
            <DataTable.Col source="reason" label="Обоснование" disableSort />
            <DataTable.Col source="result" label="Итог">
              <ResultButtons />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Box>
    </SimpleShowLayout>
  </Show>
);

const Inputs = () => (
  <>
    <TextInput source="title" validate={required('Назовите конкурс.')} sx={{ minWidth: 420 }} />
    <SelectInput source="academicYear" choices={academicYears().map((y) => ({ id: y, name: y }))} validate={required()} />
    <SelectArrayInput source="nominations" choices={NOMINATION_CHOICES} validate={required('Выберите номинации.')} sx={{ minWidth: 420 }} />
    <RuDateInput source="entriesUntil" />
  </>
);

/** Конкурс наставников: the region's analyst announces it, sees the schools' entries and records the results. */
export const mentorCompetitions: ConsoleResource = {
  name: 'mentor-competitions',
  graphqlType: 'MentorCompetition',
  icon: MilitaryTechIcon,
  recordRepresentation: 'title',
  list: CompetitionList,
  show: CompetitionShow,
  create: () => (
    <Create redirect="show" title="Новый конкурс наставников">
      <SimpleForm defaultValues={{ academicYear: currentAcademicYear(), nominations: ['BEST_MENTOR', 'MENTOR_OF_THE_YEAR'] }}>
        <Inputs />
      </SimpleForm>
    </Create>
  ),
  edit: () => (
    <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <Inputs />
        <SelectInput source="status" choices={COMPETITION_STATUS_CHOICES} validate={required()} />
      </SimpleForm>
    </Edit>
  ),
  access: { 'region-analyst': ['list', 'show', 'create', 'edit', 'delete'] },
  messages: {
    name: 'Конкурс наставников |||| Конкурс наставников',
    fields: {
      title: 'Название',
      academicYear: 'Учебный год',
      nominations: 'Номинации',
      entriesUntil: 'Приём заявок до',
      status: 'Состояние',
      createdAt: 'Создан',
      updatedAt: 'Изменён',
    },
  },
};

/** The schools' entries: shown inside a competition (analyst) and beside a nomination (curator); no views of their own. */
export const competitionEntries: ConsoleResource = {
  name: 'competition-entries',
  graphqlType: 'CompetitionEntry',
  plural: 'CompetitionEntries',
  icon: HowToRegIcon,
  recordRepresentation: 'mentorName',
  access: {},
  messages: {
    name: 'Заявка на конкурс |||| Заявки на конкурс',
    fields: { nomination: 'Номинация', mentorName: 'Наставник', schoolName: 'Организация', reason: 'Обоснование', result: 'Итог', competitionId: 'Конкурс', nominationId: 'Выдвижение' },
  },
};
