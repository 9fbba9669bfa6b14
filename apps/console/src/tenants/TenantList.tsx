import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { List } from '../common/List';
import { useIsAdmin } from '../common/useIsAdmin';
import { KIND_CHOICES, ORG_TYPE_CHOICES } from './choices';
import { OrgTypeField, TenantKindField, TenantNameField } from './TenantFields';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.tenants.searchPlaceholder')} />,
    <SelectInput key="kind" source="kind" choices={KIND_CHOICES} />,
    <SelectInput key="orgType" source="orgType" choices={ORG_TYPE_CHOICES} />,
    <ReferenceInput key="parentId" source="parentId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText="shortName" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
    </ReferenceInput>,
  ];
};

/**
 * The tree in path order (region, its municipalities, their organisations), indented by level.
 * Read-only for analysts and officials: the create button and edit routes exist for admins only.
 */
export const TenantList = () => {
  const admin = useIsAdmin();
  return (
    <List sort={{ field: 'path', order: 'ASC' }} filters={useFilters()} actions={<ListActions />} perPage={25}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="shortName" field={TenantNameField} sx={{ width: '34%' }} />
        <DataTable.Col source="kind" field={TenantKindField} />
        <DataTable.Col source="orgType" field={OrgTypeField} disableSort />
        <DataTable.Col source="parentId" disableSort>
          <ReferenceField source="parentId" reference="tenants" link={false} emptyText="—" />
        </DataTable.Col>
        {admin && <DataTable.Col source="code" sx={{ whiteSpace: 'nowrap' }} />}
      </DataTable>
    </List>
  );
};
