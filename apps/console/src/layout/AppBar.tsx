import { Box, ListItemText, MenuItem, Typography } from '@mui/material';
import { AppBar, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import type { ConsoleIdentity } from '../auth/token';

/** Who is signed in and in which role: the role decides everything the console shows. */
const IdentityItem = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as ConsoleIdentity | undefined;
  if (!identity) return null;
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
      <ListItemText primary={identity.fullName} secondary={translate(`nastavnik.roles.${identity.role}`)} />
    </MenuItem>
  );
};

const RoleCaption = () => {
  const { data } = useGetIdentity();
  const translate = useTranslate();
  const identity = data as ConsoleIdentity | undefined;
  if (!identity) return null;
  return (
    <Box sx={{ display: { xs: 'none', md: 'block' }, textAlign: 'right', mr: 1, lineHeight: 1.1 }} data-testid="current-user">
      <Typography variant="caption" component="div" sx={{ opacity: 0.9 }}>
        {translate(`nastavnik.roles.${identity.role}`)}
      </Typography>
    </Box>
  );
};

export const ConsoleAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar
      color="primary"
      userMenu={
        <UserMenu>
          <IdentityItem />
          <Logout />
        </UserMenu>
      }
    >
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {translate('nastavnik.app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
      <RoleCaption />
    </AppBar>
  );
};
