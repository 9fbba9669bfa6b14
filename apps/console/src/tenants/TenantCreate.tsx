import { Create, FormDataConsumer, maxLength, minLength, regex, required, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { CODE_MESSAGE, CODE_PATTERN, KIND_CHOICES, ORG_TYPE_CHOICES } from './choices';
import { cleanTenantInput, ParentInput } from './TenantInputs';
import type { Tenant } from './types';

/** A new region, municipality or organisation (platform admin). `?source={"kind":"MUNICIPALITY"}` preselects the level. */
export const TenantCreate = () => {
  const translate = useTranslate();
  return (
    <Create title={translate('resources.tenants.page.create')} redirect="show" transform={cleanTenantInput}>
      <SimpleForm>
        <SelectInput source="kind" choices={KIND_CHOICES} validate={required()} sx={{ minWidth: 320 }} />
        <FormDataConsumer<Partial<Tenant>>>{({ formData }) => (formData.kind ? <ParentInput kind={formData.kind} /> : null)}</FormDataConsumer>
        <TextInput source="shortName" validate={[required(), minLength(2), maxLength(200)]} sx={{ minWidth: 420 }} />
        <TextInput source="fullName" validate={[required(), minLength(2), maxLength(500)]} fullWidth multiline />
        <TextInput
          source="code"
          validate={[required(), regex(CODE_PATTERN, CODE_MESSAGE)]}
          helperText={translate('resources.tenants.codeHelp')}
          sx={{ minWidth: 320 }}
        />
        <FormDataConsumer<Partial<Tenant>>>
          {({ formData }) =>
            formData.kind === 'ORGANISATION' ? <SelectInput source="orgType" choices={ORG_TYPE_CHOICES} validate={required()} sx={{ minWidth: 320 }} /> : null
          }
        </FormDataConsumer>
        <TextInput source="address" fullWidth validate={maxLength(500)} />
      </SimpleForm>
    </Create>
  );
};
