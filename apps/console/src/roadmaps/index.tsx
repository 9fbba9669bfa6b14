import MapIcon from '@mui/icons-material/Map';
import {
  AutocompleteInput,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextArrayInput,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { createLinkTo } from '../common/createLink';
import { currentAcademicYear } from '../common/graphql';
import { EnumField } from '../common/EnumField';
import { EditLoadError, quietLoadError, ShowLoadError } from '../common/LoadError';
import type { ConsoleResource } from '../registry';
import { RuDateInput } from '../common/RuDateInput';
import { RuDateField } from '../common/RuDateField';

const RoadmapList = () => (
  <List perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="academicYear" disableSort />
      <DataTable.Col source="periodText" disableSort />
    </DataTable>
  </List>
);

const AddItem = () => {
  const roadmap = useRecordContext<{ id: string }>();
  if (!roadmap) return null;
  return <CreateButton resource="roadmap-items" label="Добавить мероприятие" to={createLinkTo('roadmap-items', { roadmapId: roadmap.id })} />;
};

const RoadmapShow = () => (
  <Show actions={<TopToolbar><AddItem /><EditButton /></TopToolbar>} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <SimpleShowLayout>
      <TextField source="title" />
      <TextField source="academicYear" />
      <TextField source="periodText" emptyText="—" />
      <ReferenceManyField reference="roadmap-items" target="roadmapId" perPage={200} sort={{ field: 'position', order: 'ASC' }} label="Мероприятия">
        <DataTable rowClick="edit" bulkActionButtons={false} empty={<span>—</span>}>
          <DataTable.Col source="number" label="resources.roadmap-items.fields.number" />
          <DataTable.Col source="activity" label="resources.roadmap-items.fields.activity" />
          <DataTable.Col source="stageId" label="resources.roadmap-items.fields.stageId">
            <ReferenceField source="stageId" reference="programme-stages" link={false} emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="scheduleText" label="resources.roadmap-items.fields.scheduleText" />
          <DataTable.Col source="responsible" label="resources.roadmap-items.fields.responsible" />
          <DataTable.Col source="status" label="resources.roadmap-items.fields.status">
            <EnumField source="status" enumName="RoadmapItemStatus" chip />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

const RoadmapInputs = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="academicYear" validate={required()} defaultValue={currentAcademicYear()} />
    <TextInput source="periodText" fullWidth />
  </>
);

/** Дорожные карты внедрения целевой модели. */
export const roadmaps: ConsoleResource = {
  name: 'roadmaps',
  graphqlType: 'Roadmap',
  icon: MapIcon,
  recordRepresentation: 'title',
  list: RoadmapList,
  show: RoadmapShow,
  edit: () => (
    <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <RoadmapInputs />
      </SimpleForm>
    </Edit>
  ),
  create: () => (
    <Create redirect="show">
      <SimpleForm>
        <RoadmapInputs />
      </SimpleForm>
    </Create>
  ),
  access: { curator: ['list', 'show', 'create', 'edit', 'delete'] },
  messages: { name: 'Дорожная карта |||| Дорожные карты', fields: { title: 'Наименование', academicYear: 'Учебный год', periodText: 'Период' } },
};

const ItemInputs = () => (
  <>
    <ReferenceInput source="roadmapId" reference="roadmaps">
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 420 }} />
    </ReferenceInput>
    <TextInput source="number" validate={required()} />
    <TextInput source="activity" validate={required()} fullWidth multiline />
    <ReferenceInput source="stageId" reference="programme-stages" filter={{ isActive: true }} sort={{ field: 'sortOrder', order: 'ASC' }}>
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 420 }} />
    </ReferenceInput>
    <TextArrayInput source="content" />
    <TextInput source="scheduleText" fullWidth />
    <RuDateInput source="plannedStart" />
    <RuDateInput source="plannedEnd" />
    <TextInput source="responsible" fullWidth />
    <SelectInput source="status" choices={choicesOf('RoadmapItemStatus')} />
    <RuDateInput source="executedOn" />
    <TextInput source="executionResult" fullWidth multiline />
  </>
);

const ItemList = () => (
  <List perPage={50} sort={{ field: 'position', order: 'ASC' }}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="number" disableSort />
      <DataTable.Col source="activity" disableSort />
      <DataTable.Col source="plannedEnd" disableSort>
        <RuDateField source="plannedEnd" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <EnumField source="status" enumName="RoadmapItemStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** Мероприятия дорожной карты. */
export const roadmapItems: ConsoleResource = {
  name: 'roadmap-items',
  graphqlType: 'RoadmapItem',
  icon: MapIcon,
  recordRepresentation: 'activity',
  list: ItemList,
  edit: () => (
    <Edit redirect="list" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
      <SimpleForm>
        <ItemInputs />
      </SimpleForm>
    </Edit>
  ),
  create: () => (
    <Create redirect="list">
      <SimpleForm>
        <ItemInputs />
      </SimpleForm>
    </Create>
  ),
  access: { curator: ['list', 'create', 'edit', 'delete'] },
  messages: {
    name: 'Мероприятие дорожной карты |||| Мероприятия дорожных карт',
    fields: {
      roadmapId: 'Дорожная карта',
      number: '№',
      activity: 'Мероприятие',
      stageId: 'Этап',
      content: 'Содержание',
      scheduleText: 'Сроки',
      plannedStart: 'Начало',
      plannedEnd: 'Окончание',
      responsible: 'Ответственный',
      status: 'Статус',
      executedOn: 'Выполнено',
      executionResult: 'Результат',
      position: 'Порядок',
    },
  },
};
