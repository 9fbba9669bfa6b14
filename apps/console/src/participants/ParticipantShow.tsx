import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  ArrayField,
  BooleanField,
  DataTable,
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
import { createLinkTo } from '../common/createLink';
import { EnumField } from '../common/EnumField';
import { quietLoadError, ShowLoadError } from '../common/LoadError';
import { RevokeConsentButton } from './RevokeConsentButton';
import { PersonalDataActions } from './PersonalDataActions';
import { RuDateField } from '../common/RuDateField';

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
  return (
    <Button component={Link} to={createLinkTo(resource, { participantId: record.id })} size="small" variant="outlined" startIcon={<AddIcon />} data-testid={testId}>
      {translate(label)}
    </Button>
  );
};

/** A section's heading with its «Добавить…» button beside it. */
const SectionWithAdd = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
    <Section title={title} />
    <Box sx={{ mt: 2 }}>{children}</Box>
  </Box>
);

/** One participant with their entries in the mentor/mentee bases and their consents. */
export const ParticipantShow = () => (
  <Show actions={<Actions />} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="Карточка">
      <PersonalDataActions />
      <TextField source="fullName" />
      <EnumField source="kind" enumName="ParticipantKind" label="resources.participants.fields.kind" />
      <RuDateField source="birthDate" emptyText="—" />
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
      <SectionWithAdd title="resources.participants.fields.baseEntries">
        <AddFor resource="participant-base-entries" label="resources.participants.baseEntry.add" testId="add-base-entry" />
      </SectionWithAdd>
      <ArrayField source="baseEntries" label={false}>
        <DataTable bulkActionButtons={false} empty={<span>—</span>} data-testid="base-entries">
          <DataTable.Col source="base" label="resources.participants.baseEntry.base">
            <EnumField source="base" enumName="BaseKind" />
          </DataTable.Col>
          <DataTable.Col source="status" label="resources.participants.baseEntry.status">
            <EnumField source="status" enumName="BaseStatus" />
          </DataTable.Col>
          <DataTable.Col source="includedOn" label="resources.participants.baseEntry.includedOn">
            <RuDateField source="includedOn" />
          </DataTable.Col>
          <DataTable.Col source="categories" label="resources.participants.baseEntry.categories">
            <EnumField source="categories" enumName="ParticipantCategory" />
          </DataTable.Col>
          <DataTable.Col source="request" label="resources.participants.baseEntry.request" />
        </DataTable>
      </ArrayField>
      <SectionWithAdd title="resources.participants.fields.consents">
        <AddFor resource="consents" label="resources.participants.consent.add" testId="add-consent" />
      </SectionWithAdd>
      <ArrayField source="consents" label={false}>
        <DataTable bulkActionButtons={false} empty={<span>—</span>} data-testid="consents">
          <DataTable.Col source="signedOn" label="resources.participants.consent.signedOn">
            <RuDateField source="signedOn" />
          </DataTable.Col>
          <DataTable.Col source="signedBy" label="resources.participants.consent.signedBy">
            <EnumField source="signedBy" enumName="ConsentSigner" />
          </DataTable.Col>
          <DataTable.Col source="purposes" label="resources.participants.consent.purposes">
            <EnumField source="purposes" enumName="ConsentPurpose" />
          </DataTable.Col>
          <DataTable.Col source="validUntil" label="resources.participants.consent.validUntil">
            <RuDateField source="validUntil" emptyText="бессрочно" />
          </DataTable.Col>
          <DataTable.Col source="revokedOn" label="resources.participants.consent.revokedOn">
            <RuDateField source="revokedOn" emptyText="—" />
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
