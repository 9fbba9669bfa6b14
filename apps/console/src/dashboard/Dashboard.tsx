import AddIcon from '@mui/icons-material/Add';
import { Box, Button, LinearProgress } from '@mui/material';
import { Link, usePermissions, useTranslate } from 'react-admin';
import type { AppRole } from '@nastavnik/contracts/roles';
import { createLinkTo } from '../common/createLink';
import { RegionIndicators } from '../indicators/RegionIndicators';
import { MinistryHome } from '../ministry/MinistryHome';
import { CuratorHome } from './CuratorHome';
import { StructureOverview } from './StructureOverview';

const createLink = (kind: string) => createLinkTo('tenants', { kind });

const AdminActions = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Button component={Link} to={createLink('REGION')} startIcon={<AddIcon />} variant="outlined" size="small">
        {translate('nastavnik.dashboard.admin.addRegion')}
      </Button>
      <Button component={Link} to={createLink('MUNICIPALITY')} startIcon={<AddIcon />} variant="outlined" size="small">
        {translate('nastavnik.dashboard.admin.addMunicipality')}
      </Button>
      <Button component={Link} to={createLink('ORGANISATION')} startIcon={<AddIcon />} variant="contained" size="small">
        {translate('nastavnik.dashboard.admin.addOrganisation')}
      </Button>
    </Box>
  );
};

/** The home page follows the role in the token. */
export const Dashboard = () => {
  const { permissions: role, isPending } = usePermissions<AppRole>();
  const translate = useTranslate();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  switch (role) {
    case 'platform-admin':
      return <StructureOverview title={translate('nastavnik.dashboard.admin.title')} intro={translate('nastavnik.dashboard.admin.intro')} actions={<AdminActions />} />;
    case 'region-analyst':
      return <StructureOverview showOrganisations indicators={<RegionIndicators />} />;
    case 'ministry-official':
      return <MinistryHome />;
    case 'curator':
      return <CuratorHome />;
    default:
      return null;
  }
};
