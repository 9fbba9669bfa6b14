import HomeIcon from '@mui/icons-material/Home';
import InsightsIcon from '@mui/icons-material/Insights';
import SchoolIcon from '@mui/icons-material/School';
import { Menu, usePermissions, useTranslate } from 'react-admin';
import type { AppRole } from '@nastavnik/contracts/roles';
import { requiredValue } from '@nastavnik/contracts/lookup';

const HOME: Record<AppRole, { label: string; icon: typeof HomeIcon }> = {
  'platform-admin': { label: 'nastavnik.menu.home', icon: HomeIcon },
  'region-analyst': { label: 'nastavnik.menu.region', icon: InsightsIcon },
  'ministry-official': { label: 'nastavnik.menu.overview', icon: InsightsIcon },
  curator: { label: 'nastavnik.menu.myOrganisation', icon: SchoolIcon },
};

/**
 * The menu by role: the role's home page, then every resource whose list the role may open
 * (react-admin asks the auth provider's canAccess, which reads each resource's `access`).
 */
export const ConsoleMenu = () => {
  const { permissions: role } = usePermissions<AppRole>();
  const translate = useTranslate();
  const home = requiredValue(HOME, role ?? 'platform-admin');
  const Icon = home.icon;
  return (
    <Menu>
      <Menu.DashboardItem primaryText={translate(home.label)} leftIcon={<Icon />} />
      <Menu.ResourceItems />
    </Menu>
  );
};
