import { BooleanField, BooleanInput, Create, DataTable, Edit, NumberInput, required, SearchInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { List } from '../common/List';
import { useIsAdmin } from '../common/useIsAdmin';
import { EditLoadError, quietLoadError, ShowLoadError } from '../common/LoadError';

export const ReferenceList = () => {
  const admin = useIsAdmin();
  return (
    <List sort={{ field: 'sortOrder', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={50}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        {admin && <DataTable.Col source="code" />}
        <DataTable.Col source="isActive">
          <BooleanField source="isActive" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export const ReferenceShow = () => {
  const admin = useIsAdmin();
  return (
    <Show error={<ShowLoadError />} queryOptions={quietLoadError}>
      <SimpleShowLayout>
        <TextField source="title" />
        {admin && <TextField source="code" />}
        <BooleanField source="isActive" />
        <TextField source="sortOrder" />
      </SimpleShowLayout>
    </Show>
  );
};

const Inputs = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="code" validate={required()} />
    <BooleanInput source="isActive" defaultValue />
    <NumberInput source="sortOrder" />
  </>
);

export const ReferenceCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Create>
);

export const ReferenceEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
    <SimpleForm>
      <Inputs />
    </SimpleForm>
  </Edit>
);
