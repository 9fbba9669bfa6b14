import { Box, Typography } from '@mui/material';
import {
  ChipField,
  Create,
  DataTable,
  Edit,
  EditButton,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { List } from '../common/List';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { EditLoadError, quietLoadError, ShowLoadError } from '../common/LoadError';
import { StatusButton } from '../common/StatusButton';
import { ScorecardPanel } from './ScorecardPanel';
import { SuggestionsPanel } from './SuggestionsPanel';
import { ProgrammeInputs } from './ProgrammeInputs';
import { RuDateField } from '../common/RuDateField';

type Programme = { id: string; status: 'DRAFT' | 'ACTIVE' | 'COMPLETED' };

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf('ProgrammeStatus')} alwaysOn />,
];

export const ProgrammeList = () => (
  <List filters={filters} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="title" />
      <DataTable.Col source="academicYear" />
      <DataTable.Col source="formId" disableSort>
        <ReferenceField source="formId" reference="mentoring-forms" link={false} />
      </DataTable.Col>
      <DataTable.Col source="status">
        <EnumField source="status" enumName="ProgrammeStatus" chip />
      </DataTable.Col>
    </DataTable>
  </List>
);

const CHANGE = 'mutation ChangeProgramme($id: ID!, $status: ProgrammeStatus!) { changeProgrammeStatus(id: $id, status: $status) { id status } }';

const Lifecycle = () => {
  const record = useRecordContext<Programme>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {record.status === 'DRAFT' && (
        <StatusButton label={translate('resources.programmes.lifecycle.activate')} color="success" mutation={CHANGE} variables={() => ({ id: record.id, status: 'ACTIVE' })} />
      )}
      {record.status === 'ACTIVE' && (
        <StatusButton label={translate('resources.programmes.lifecycle.complete')} mutation={CHANGE} variables={() => ({ id: record.id, status: 'COMPLETED' })} />
      )}
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <Lifecycle />
    <EditButton />
  </TopToolbar>
);

const Heading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <Typography variant="h6">{translate(text)}</Typography>;
};

/** A programme: its card, its pairs, matching suggestions, meetings and the E1–E9 scorecard. */
export const ProgrammeShow = () => (
  <Show actions={<Actions />} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Программа">
        <TextField source="title" />
        <TextField source="academicYear" />
        <EnumField source="status" enumName="ProgrammeStatus" label="resources.programmes.fields.status" />
        <ReferenceField source="formId" reference="mentoring-forms" link={false} />
        <ReferenceArrayField source="directionIds" reference="mentoring-directions">
          <SingleFieldList linkType={false}>
            <ChipField source="title" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <RuDateField source="startDate" emptyText="—" />
        <RuDateField source="endDate" emptyText="—" />
        <TextField source="mentorCapacity" />
        <TextField source="goal" emptyText="—" />
        <Box>
          <Heading text="resources.programmes.pairs" />
          <ReferenceManyField reference="pairs" target="programmeId" perPage={50}>
            <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
              <DataTable.Col source="mentorId" label="resources.pairs.fields.mentorId" disableSort>
                <ReferenceField source="mentorId" reference="participants" link={false} />
              </DataTable.Col>
              <DataTable.Col source="kind" label="resources.pairs.fields.kind" disableSort>
                <EnumField source="kind" enumName="PairKind" />
              </DataTable.Col>
              <DataTable.Col source="status" label="resources.pairs.fields.status">
                <EnumField source="status" enumName="PairStatus" chip />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </Box>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.programmes.suggestions.title" path="suggestions">
        <SuggestionsPanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.programmes.meetings" path="meetings">
        <ReferenceManyField reference="meetings" target="programmeId" perPage={50} sort={{ field: 'heldOn', order: 'DESC' }}>
          <DataTable rowClick="edit" bulkActionButtons={false} empty={<span>—</span>}>
            <DataTable.Col source="heldOn" label="resources.meetings.fields.heldOn">
              <RuDateField source="heldOn" />
            </DataTable.Col>
            <DataTable.Col source="meetingTypeId" label="resources.meetings.fields.meetingTypeId" disableSort>
              <ReferenceField source="meetingTypeId" reference="meeting-types" link={false} />
            </DataTable.Col>
            <DataTable.Col source="topic" label="resources.meetings.fields.topic" disableSort />
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.programmes.scorecards.title" path="scorecard">
        <ScorecardPanel />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

export const ProgrammeCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ProgrammeInputs />
    </SimpleForm>
  </Create>
);

export const ProgrammeEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
    <SimpleForm>
      <ProgrammeInputs />
    </SimpleForm>
  </Edit>
);
