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
  Pagination,
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

/** A chip whose long title («Профориентация и формирование …») wraps instead of widening the page. */
const WRAPPING_CHIP = { maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: 0.5 } } as const;

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
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
  <Show actions={<Actions />} error={<ShowLoadError />} queryOptions={quietLoadError} sx={{ minWidth: 0, maxWidth: '100%', '& .RaShow-main, & .RaShow-card': { minWidth: 0, maxWidth: '100%' } }}>
    <TabbedShowLayout sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <TabbedShowLayout.Tab label="Программа">
        <TextField source="title" />
        <TextField source="academicYear" />
        <EnumField source="status" enumName="ProgrammeStatus" label="resources.programmes.fields.status" />
        <ReferenceField source="formId" reference="mentoring-forms" link={false} />
        <ReferenceArrayField source="directionIds" reference="mentoring-directions">
          <SingleFieldList linkType={false} sx={{ flexWrap: 'wrap', maxWidth: '100%' }}>
            <ChipField source="title" size="small" sx={WRAPPING_CHIP} />
          </SingleFieldList>
        </ReferenceArrayField>
        <ReferenceArrayField source="roleModelIds" reference="role-models">
          <SingleFieldList linkType={false} sx={{ flexWrap: 'wrap', maxWidth: '100%' }}>
            <ChipField source="title" size="small" sx={WRAPPING_CHIP} />
          </SingleFieldList>
        </ReferenceArrayField>
        <RuDateField source="startDate" emptyText="—" />
        <RuDateField source="endDate" emptyText="—" />
        <TextField source="mentorCapacity" />
        <TextField source="goal" emptyText="—" />
        <Box>
          <Heading text="resources.programmes.pairs" />
          <ReferenceManyField reference="pairs" target="programmeId" perPage={25} sort={{ field: 'createdAt', order: 'DESC' }} pagination={<Pagination />}>
            <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
              <DataTable.Col source="title" label="resources.pairs.fields.title" disableSort />
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
  <Create redirect="show" title="Новая программа наставничества">
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
