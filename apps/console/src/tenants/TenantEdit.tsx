import { Edit, Labeled, maxLength, minLength, required, SelectInput, SimpleForm, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { ORG_TYPE_CHOICES } from './choices';
import { TenantKindField, TenantTitle } from './TenantFields';
import { cleanTenantInput, ParentInput } from './TenantInputs';
import type { Tenant } from './types';

const TenantEditFields = () => {
  const record = useRecordContext<Tenant>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Labeled source="kind">
        <TenantKindField source="kind" />
      </Labeled>
      <TextInput source="code" disabled helperText={translate('resources.tenants.codeFixed')} sx={{ minWidth: 320 }} />
      <ParentInput kind={record.kind} helperText={translate('resources.tenants.parentHelp')} />
      <TextInput source="shortName" validate={[required(), minLength(2), maxLength(200)]} sx={{ minWidth: 420 }} />
      <TextInput source="fullName" validate={[required(), minLength(2), maxLength(500)]} fullWidth multiline />
      {record.kind === 'ORGANISATION' && <SelectInput source="orgType" choices={ORG_TYPE_CHOICES} validate={required()} sx={{ minWidth: 320 }} />}
      <TextInput source="address" fullWidth validate={maxLength(500)} />
    </>
  );
};

/** Only what changed is sent (see the data provider); a new parent moves the node with its subtree. */
export const TenantEdit = () => (
  <Edit title={<TenantTitle />} mutationMode="pessimistic" redirect="show" transform={cleanTenantInput} error={<EditLoadError />} queryOptions={quietLoadError}>
    <SimpleForm>
      <TenantEditFields />
    </SimpleForm>
  </Edit>
);
