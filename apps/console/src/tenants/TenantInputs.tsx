import { AutocompleteInput, ReferenceInput, required, useTranslate } from 'react-admin';
import { PARENT_KIND } from './choices';
import type { TenantKind } from './types';
import { ownValue } from '@nastavnik/contracts/lookup';

/** The node a region's municipality or a municipality's organisation belongs to. */
export const ParentInput = ({ kind, helperText }: { kind: TenantKind; helperText?: string }) => {
  const parentKind = ownValue(PARENT_KIND, kind);
  const translate = useTranslate();
  if (!parentKind) return null;
  return (
    <ReferenceInput source="parentId" reference="tenants" filter={{ kind: parentKind }} sort={{ field: 'path', order: 'ASC' }} perPage={50}>
      <AutocompleteInput
        optionText="shortName"
        filterToQuery={(q: string) => ({ q })}
        validate={required()}
        helperText={helperText ?? false}
        label={`${translate('resources.tenants.fields.parentId')} (${translate(`nastavnik.tenantKind.${parentKind}`).toLowerCase()})`}
        sx={{ minWidth: 420 }}
      />
    </ReferenceInput>
  );
};

/** What the API accepts for a node of this level: no parent for a region, a type only for an organisation. */
export function cleanTenantInput<T extends { kind?: TenantKind; parentId?: string | null; orgType?: string | null }>(data: T): T {
  return {
    ...data,
    parentId: data.kind === 'REGION' ? null : data.parentId,
    orgType: data.kind === 'ORGANISATION' ? data.orgType : null,
  };
}
