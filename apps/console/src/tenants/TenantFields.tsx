import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Tenant, TenantKind } from './types';
import { ownValue } from '@nastavnik/contracts/lookup';

const KIND_COLOR: Record<TenantKind, 'primary' | 'secondary' | 'success'> = {
  REGION: 'primary',
  MUNICIPALITY: 'secondary',
  ORGANISATION: 'success',
};

/** Уровень узла as a coloured chip. */
export const TenantKindField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Tenant>();
  const translate = useTranslate();
  if (!record?.kind) return null;
  return <Chip size="small" variant="outlined" color={ownValue(KIND_COLOR, record.kind)} label={translate(`nastavnik.tenantKindShort.${record.kind}`)} />;
};

export const OrgTypeField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Tenant>();
  const translate = useTranslate();
  return <span>{record?.orgType ? translate(`nastavnik.orgType.${record.orgType}`) : '—'}</span>;
};

/** The short name, indented by depth so that a list sorted by path reads as a tree. */
export const TenantNameField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<Tenant>();
  if (!record) return null;
  const depth = Math.max(0, (record.path?.split('.').length ?? 1) - 1);
  return (
    <Box component="span" sx={{ pl: depth * 3, display: 'inline-block', fontWeight: record.kind === 'ORGANISATION' ? 400 : 500 }}>
      {record.shortName}
    </Box>
  );
};

export const TenantTitle = () => {
  const record = useRecordContext<Tenant>();
  const translate = useTranslate();
  if (!record) return <span>{translate('resources.tenants.name', { smart_count: 1 })}</span>;
  return <span>{record.shortName}</span>;
};
