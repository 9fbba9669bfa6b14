import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  Link,
  NumberInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { EnumField } from '../common/EnumField';
import { List } from '../common/List';
import { participantExporter } from './participantExport';

const ListActions = () => {
  const translate = useTranslate();
  return (
    <TopToolbar>
      <FilterButton />
      <Button component={Link} to="/participants-import" startIcon={<UploadFileIcon />} size="small">
        {translate('resources.participants.import.menu')}
      </Button>
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="ФИО" />,
  <SelectInput key="kind" source="kind" choices={choicesOf('ParticipantKind')} alwaysOn />,
  <SelectInput key="base" source="base" choices={choicesOf('BaseKind')} />,
  <SelectInput key="status" source="status" choices={choicesOf('BaseStatus')} />,
  <NumberInput key="grade" source="grade" min={1} max={11} />,
  <BooleanInput key="hasValidConsent" source="hasValidConsent" />,
];

/**
 * The school's mentors and mentees (row-level security: the curator's own organisation only).
 * «Экспорт» writes the list's Russian columns through the formula-safe CSV writer.
 */
export const ParticipantList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'lastName', order: 'ASC' }} perPage={25} exporter={participantExporter}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="fullName" />
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="ParticipantKind" />
      </DataTable.Col>
      <DataTable.Col source="grade" />
      <DataTable.Col source="classLetter" disableSort />
      <DataTable.Col source="position" disableSort />
      <DataTable.Col source="hasValidConsent" disableSort>
        <BooleanField source="hasValidConsent" />
      </DataTable.Col>
    </DataTable>
  </List>
);
