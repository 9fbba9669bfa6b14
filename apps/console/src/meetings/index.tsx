import EventIcon from '@mui/icons-material/Event';
import {
  AutocompleteInput,
  Create,
  DataTable,
  Edit,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { List } from '../common/List';
import { PairPicker, ProgrammePicker } from '../common/pickers';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import type { ConsoleResource } from '../registry';
import { RuDateInput } from '../common/RuDateInput';
import { RuDateField } from '../common/RuDateField';

const filters = [
  <ReferenceInput key="programmeId" source="programmeId" reference="programmes" alwaysOn>
    <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
  </ReferenceInput>,
];

const MeetingList = () => (
  <List filters={filters} sort={{ field: 'heldOn', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="heldOn">
        <RuDateField source="heldOn" />
      </DataTable.Col>
      <DataTable.Col source="meetingTypeId" disableSort>
        <ReferenceField source="meetingTypeId" reference="meeting-types" link={false} />
      </DataTable.Col>
      <DataTable.Col source="topic" disableSort />
      <DataTable.Col source="programmeId" disableSort>
        <ReferenceField source="programmeId" reference="programmes" link="show" />
      </DataTable.Col>
      <DataTable.Col source="durationMinutes" disableSort />
    </DataTable>
  </List>
);

const Inputs = () => (
  <>
    <ProgrammePicker />
    <PairPicker />
    <RuDateInput source="heldOn" validate={required()} />
    <ReferenceInput source="meetingTypeId" reference="meeting-types" filter={{ isActive: true }} sort={{ field: 'sortOrder', order: 'ASC' }}>
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
    </ReferenceInput>
    <TextInput source="topic" fullWidth />
    <NumberInput source="durationMinutes" min={5} max={600} />
    <TextInput source="notes" multiline fullWidth />
  </>
);

/** Встречи пар, групп и программ. */
export const meetings: ConsoleResource = {
  name: 'meetings',
  graphqlType: 'Meeting',
  icon: EventIcon,
  recordRepresentation: 'topic',
  list: MeetingList,
  edit: () => (
    <Edit redirect="list" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Edit>
  ),
  create: () => (
    <Create redirect="list" title="Новая встреча">
      <SimpleForm>
        <Inputs />
      </SimpleForm>
    </Create>
  ),
  access: { curator: ['list', 'create', 'edit', 'delete'] },
  messages: {
    name: 'Встреча |||| Встречи',
    fields: {
      heldOn: 'Дата',
      meetingTypeId: 'Вид встречи',
      topic: 'Тема',
      programmeId: 'Программа',
      pairId: 'Пара или группа',
      durationMinutes: 'Длительность, мин',
      notes: 'Заметки',
      attendeeIds: 'Участники',
      directionId: 'Направление',
      createdAt: 'Создана',
      updatedAt: 'Изменена',
    },
  },
};
