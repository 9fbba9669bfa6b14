import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DataTable, ListBase, Pagination, ReferenceField, Title, useTranslate } from 'react-admin';
import { TENANT_FIELDS, type Tenant } from '../tenants/types';
import { OrgTypeField } from '../tenants/TenantFields';
import { countByGroup } from './grouping';
import { OrganisationsChart } from './OrganisationsChart';
import { StatTiles } from './StatTiles';
import { fetchAllTenants, useApi } from './useApi';

type Tree = { scope: Tenant | null; regions: Tenant[]; municipalities: Tenant[]; organisations: Tenant[] };

/**
 * What the caller's scope holds: for a region (analyst, regional official) its organisations per
 * municipality; for the whole country (ministry, admin) organisations per region. All counts
 * come from the tenants the API lets this person see — row-level security decides the scope.
 */
export const StructureOverview = ({ title, intro, actions, showOrganisations, indicators }: { title?: string; intro?: string; actions?: ReactNode; showOrganisations?: boolean; indicators?: ReactNode }) => {
  const translate = useTranslate();
  const tree = useApi<Tree>('structure', async (dataProvider) => {
    const [{ myTenant }, regions, municipalities, organisations] = await Promise.all([
      dataProvider.graphql<{ myTenant: Tenant | null }>(`query MyScope { myTenant { ${TENANT_FIELDS} } }`),
      fetchAllTenants(dataProvider, { kind: 'REGION' }),
      fetchAllTenants(dataProvider, { kind: 'MUNICIPALITY' }),
      fetchAllTenants(dataProvider, { kind: 'ORGANISATION' }),
    ]);
    return { scope: myTenant, regions, municipalities, organisations };
  });

  if (tree.isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (tree.error || !tree.data) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate('nastavnik.errors.loadFailed')}: {tree.error?.message}
      </Alert>
    );
  }
  const { scope, regions, municipalities, organisations } = tree.data;
  const regional = scope !== null;
  const rows = regional
    ? countByGroup(organisations, municipalities, translate('nastavnik.dashboard.region.noMunicipality'))
    : countByGroup(organisations, regions, translate('nastavnik.dashboard.region.noMunicipality'));
  const heading = title ?? scope?.shortName ?? translate('nastavnik.dashboard.ministry.allRegions');
  const stats = [
    ...(regional ? [] : [{ label: translate('nastavnik.dashboard.counts.regions'), value: regions.length }]),
    { label: translate('nastavnik.dashboard.counts.municipalities'), value: municipalities.length },
    { label: translate('nastavnik.dashboard.counts.organisations'), value: organisations.length },
  ];

  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={heading} />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h5" component="h1">
            {heading}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {intro ?? scope?.fullName ?? translate('nastavnik.dashboard.ministry.intro')}
          </Typography>
        </Box>
        {actions}
      </Box>
      <StatTiles stats={stats} />
      {indicators}
      <Card variant="outlined">
        <CardHeader
          title={translate(regional ? 'nastavnik.dashboard.region.organisationsByMunicipality' : 'nastavnik.dashboard.region.organisationsByRegion')}
          slotProps={{ title: { variant: 'h6' } }}
        />
        <CardContent data-testid="organisations-chart">
          {organisations.length === 0 && rows.every((row) => row.count === 0) ? (
            <Typography color="text.secondary">{translate('nastavnik.dashboard.region.empty')}</Typography>
          ) : (
            <OrganisationsChart rows={rows} />
          )}
        </CardContent>
      </Card>
      {showOrganisations && (
        <Card variant="outlined">
          <CardHeader title={translate('nastavnik.dashboard.region.organisations')} slotProps={{ title: { variant: 'h6' } }} />
          <ListBase resource="tenants" filter={{ kind: 'ORGANISATION' }} sort={{ field: 'path', order: 'ASC' }} perPage={10} disableSyncWithLocation storeKey={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="shortName" />
              <DataTable.Col source="orgType" field={OrgTypeField} disableSort />
              <DataTable.Col source="parentId" disableSort>
                <ReferenceField source="parentId" reference="tenants" link={false} emptyText="—" />
              </DataTable.Col>
            </DataTable>
            <Pagination rowsPerPageOptions={[10, 25, 50]} />
          </ListBase>
        </Card>
      )}
    </Box>
  );
};
