import SchoolIcon from '@mui/icons-material/School';
import { Alert, Avatar, Box, Card, CardContent, CardHeader, LinearProgress } from '@mui/material';
import { Labeled, RecordContextProvider, ResourceContextProvider, SimpleShowLayout, TextField, Title, useTranslate } from 'react-admin';
import { SchoolIndicators } from '../indicators/SchoolIndicators';
import { SchoolOutcomes } from '../outcomes/SchoolOutcomes';
import { TENANT_FIELDS, type Tenant } from '../tenants/types';
import { OrgTypeField } from '../tenants/TenantFields';
import { useApi } from './useApi';
import { RuDateField } from '../common/RuDateField';

/** «Моя организация»: the curator's own organisation, from `myTenant` (the only tenant they can read). */
export const CuratorHome = () => {
  const translate = useTranslate();
  const mine = useApi('myTenant', (dataProvider) =>
    dataProvider.graphql<{ myTenant: Tenant | null }>(`query MyOrganisation { myTenant { ${TENANT_FIELDS} } }`).then((result) => result.myTenant),
  );
  if (mine.isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (mine.error) return <Alert severity="error" sx={{ m: 2 }}>{mine.error.message}</Alert>;
  const organisation = mine.data;
  if (!organisation) return <Alert severity="warning" sx={{ m: 2 }}>{translate('nastavnik.dashboard.curator.notBound')}</Alert>;
  return (
    <Box sx={{ p: { xs: 1, md: 2 }, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={translate('nastavnik.dashboard.curator.title')} />
      <Card variant="outlined" data-testid="my-organisation">
        <CardHeader
          avatar={
            <Avatar sx={{ bgcolor: 'primary.main' }}>
              <SchoolIcon />
            </Avatar>
          }
          title={organisation.shortName}
          subheader={organisation.fullName}
          slotProps={{ title: { variant: 'h5', component: 'h1' } }}
        />
        <CardContent sx={{ pt: 0 }}>
          <ResourceContextProvider value="tenants">
            <RecordContextProvider value={organisation}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <Labeled source="orgType">
                  <OrgTypeField source="orgType" />
                </Labeled>
                <TextField source="address" emptyText="—" />
                <RuDateField source="updatedAt" showTime />
              </SimpleShowLayout>
            </RecordContextProvider>
          </ResourceContextProvider>
        </CardContent>
      </Card>
      <SchoolIndicators />
      <SchoolOutcomes />
    </Box>
  );
};
