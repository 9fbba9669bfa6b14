import { Alert, Avatar, Box, Card, CardContent, CircularProgress, List, ListItemAvatar, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';
import type { DevUser } from '../config';
import { actingRole, APP_ROLES, type AppRole } from '@nastavnik/contracts/roles';
import { requiredValue } from '@nastavnik/contracts/lookup';

const ROLE_COLOR: Record<AppRole, string> = {
  'platform-admin': '#6a4c93',
  'ministry-official': '#8c5a1b',
  'region-analyst': '#1b7a5e',
  curator: '#1b5e8c',
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0] ?? '')
    .join('')
    .toUpperCase();
}

/** The login page of the development identity mode: pick one of the demo users the API lists. */
export const DevLoginPage = ({ users }: { users: DevUser[] }) => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState<string>();
  const ordered = [...users].sort((a, b) => rank(a) - rank(b));

  const signIn = (username: string) => {
    setPending(username);
    login({ username }).catch((error: Error) => {
      setPending(undefined);
      notify(error.message, { type: 'error' });
    });
  };

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 2,
        background: 'linear-gradient(160deg, #1b5e8c 0%, #2f7fb5 55%, #cfe6f5 100%)',
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 980 }} elevation={6}>
        <CardContent sx={{ p: { xs: 2, md: 4 } }}>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('nastavnik.login.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('nastavnik.app.subtitle')}
          </Typography>
          <Alert severity="info" sx={{ my: 2 }}>
            {translate('nastavnik.login.devMode')}
          </Alert>
          <Typography variant="subtitle1" component="h2">
            {translate('nastavnik.login.choose')}
          </Typography>
          {ordered.length === 0 && <Alert severity="warning">{translate('nastavnik.login.noUsers')}</Alert>}
          <List
            dense
            aria-label={translate('nastavnik.login.choose')}
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 1 }}
          >
            {ordered.map((user) => {
              const role = actingRole(user.roles);
              return (
                <ListItemButton
                  key={user.username}
                  onClick={() => signIn(user.username)}
                  disabled={pending !== undefined}
                  data-username={user.username}
                  sx={{ borderRadius: 1, alignItems: 'flex-start' }}
                >
                  <ListItemAvatar sx={{ mt: 0.5 }}>
                    <Avatar sx={{ bgcolor: role ? requiredValue(ROLE_COLOR, role) : 'grey.500' }}>{initials(user.displayName)}</Avatar>
                  </ListItemAvatar>
                  <ListItemText
                    primary={user.displayName}
                    secondary={
                      <>
                        <Box component="span" sx={{ display: 'block', color: role ? requiredValue(ROLE_COLOR, role) : undefined, fontWeight: 500 }}>
                          {role ? translate(`nastavnik.roles.${role}`) : user.roles.join(', ')}
                        </Box>
                        {user.description}
                      </>
                    }
                  />
                  {pending === user.username && <CircularProgress size={20} sx={{ mt: 1 }} aria-label={translate('nastavnik.login.signingIn')} />}
                </ListItemButton>
              );
            })}
          </List>
        </CardContent>
      </Card>
    </Box>
  );
};

function rank(user: DevUser): number {
  const role = actingRole(user.roles);
  return role ? APP_ROLES.indexOf(role) : APP_ROLES.length;
}
