import type { ReactNode } from 'react';
import {
  CanAccess,
  DataTable,
  Labeled,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { quietLoadError, ShowLoadError } from '../common/LoadError';
import { OrgTypeField, TenantKindField, TenantNameField, TenantTitle } from './TenantFields';
import type { Tenant } from './types';
import { RuDateField } from '../common/RuDateField';
import { useIsAdmin } from '../common/useIsAdmin';

/** The platform's internal code of a node: the admin's business only. */
const AdminOnly = ({ children }: { children: ReactNode }) => (useIsAdmin() ? <>{children}</> : null);

const Children = () => {
  const record = useRecordContext<Tenant>();
  const translate = useTranslate();
  if (!record || record.kind === 'ORGANISATION') return null;
  return (
    <CanAccess action="list" resource="tenants">
      <Labeled label={translate('resources.tenants.children')} fullWidth>
        <ReferenceManyField reference="tenants" target="parentId" sort={{ field: 'path', order: 'ASC' }} perPage={50}>
          <DataTable rowClick="show" bulkActionButtons={false} empty={<span>—</span>}>
            <DataTable.Col source="shortName" field={TenantNameField} disableSort />
            <DataTable.Col source="kind" field={TenantKindField} disableSort />
            <DataTable.Col source="orgType" field={OrgTypeField} disableSort />
          </DataTable>
        </ReferenceManyField>
      </Labeled>
    </CanAccess>
  );
};

const OrganisationOnly = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext<Tenant>();
  return record?.kind === 'ORGANISATION' ? <>{children}</> : null;
};

/** One node; a curator may open only their own organisation — anything else is the API's "not found". */
export const TenantShow = () => (
  <Show title={<TenantTitle />} error={<ShowLoadError />} queryOptions={quietLoadError}>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="shortName" />
      <TenantKindField source="kind" label="resources.tenants.fields.kind" />
      <OrganisationOnly>
        <Labeled source="orgType">
          <OrgTypeField source="orgType" />
        </Labeled>
      </OrganisationOnly>
      <ReferenceField source="parentId" reference="tenants" link="show" emptyText="—" />
      <TextField source="address" emptyText="—" />
      <AdminOnly>
        <TextField source="code" />
      </AdminOnly>
      <RuDateField source="updatedAt" showTime />
      <Children />
    </SimpleShowLayout>
  </Show>
);
