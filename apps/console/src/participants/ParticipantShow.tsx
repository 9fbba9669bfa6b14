import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  DataTable,
  DateField,
  EditButton,
  Link,
  NumberField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { quietLoadError, ShowLoadError } from '../common/LoadError';
import { RevokeConsentButton } from './RevokeConsentButton';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

/** «Добавить согласие» / «Добавить в базу»: the create form of that record with this participant filled in. */
const AddFor = ({ resource, label, testId }: { resource: 'consents' | 'participant-base-entries'; label: string; testId: string }) => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!record || !canAccess) return null;
  const to = { pathname: `/${resource}/create`, search: `?source=${encodeURIComponent(JSON.stringify({ participantId: record.id }))}` };
  return (
    <Button component={Link} to={to} size="small" variant="outlined" startIcon={<AddIcon />} data-testid={testId}>
      {translate(label)}
    </Button>
  );
};

/** One participant with their entries in the mentor/mentee bases and their consents. */
export const ParticipantShow = () => (
  <Show actions={<Actions />} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Карточка">
      <TextField source="fullName" />
      <EnumField source="kind" enumName="ParticipantKind" label="resources.participants.fields.kind" />
      <DateField source="birthDate" locales="ru-RU" emptyText="—" />
      <NumberField source="age" emptyText="—" />
      <EnumField source="sex" enumName="Sex" label="resources.participants.fields.sex" />
      <TextField source="grade" emptyText="—" />
      <TextField source="classLetter" emptyText="—" />
      <TextField source="position" emptyText="—" />
      <TextField source="organisationName" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <TextField source="email" emptyText="—" />
      <EnumField source="interests" enumName="InterestArea" chip label="resources.participants.fields.interests" />
      <EnumField source="directions" enumName="Direction" chip label="resources.participants.fields.directions" />
      <BooleanField source="hasValidConsent" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Базы и согласия" path="bases">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Section title="resources.participants.fields.baseEntries" />
        <Box sx={{ mt: 2 }}>
          <AddFor resource="participant-base-entries" label="resources.participants.baseEntry.add" testId="add-base-entry" />
        </Box>
      </Box>
      <ArrayField source="baseEntries" label={false}>
        <DataTable bulkActionButtons={false} empty={<span>—</span>} data-testid="base-entries">
          <DataTable.Col source="base" label="resources.participants.baseEntry.base">
            <EnumField source="base" enumName="BaseKind" />
          </DataTable.Col>
          <DataTable.Col source="status" label="resources.participants.baseEntry.status">
            <EnumField source="status" enumName="BaseStatus" />
          </DataTable.Col>
          <DataTable.Col source="includedOn" label="resources.participants.baseEntry.includedOn">
            <DateField source="includedOn" locales="ru-RU" />
          </DataTable.Col>
          <DataTable.Col source="categories" label="resources.participants.baseEntry.categories">
            <EnumField source="categories" enumName="ParticipantCategory" />
          </DataTable.Col>
          <DataTable.Col source="request" label="resources.participants.baseEntry.request" />
        </DataTable>
      </ArrayField>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Section title="resources.participants.fields.consents" />
        <Box sx={{ mt: 2 }}>
          <AddFor resource="consents" label="resources.participants.consent.add" testId="add-consent" />
        </Box>
      </Box>
      <ArrayField source="consents" label={false}>
        <DataTable bulkActionButtons={false} empty={<span>—</span>} data-testid="consents">
          <DataTable.Col source="signedOn" label="resources.participants.consent.signedOn">
            <DateField source="signedOn" locales="ru-RU" />
          </DataTable.Col>
          <DataTable.Col source="signedBy" label="resources.participants.consent.signedBy">
            <EnumField source="signedBy" enumName="ConsentSigner" />
          </DataTable.Col>
          <DataTable.Col source="purposes" label="resources.participants.consent.purposes">
            <EnumField source="purposes" enumName="ConsentPurpose" />
          </DataTable.Col>
          <DataTable.Col source="validUntil" label="resources.participants.consent.validUntil">
            <DateField source="validUntil" locales="ru-RU" emptyText="бессрочно" />
          </DataTable.Col>
          <DataTable.Col source="revokedOn" label="resources.participants.consent.revokedOn">
            <DateField source="revokedOn" locales="ru-RU" emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="revocationReason" label="resources.participants.consent.revocationReason" />
          <DataTable.Col label="">
            <RevokeConsentButton />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
