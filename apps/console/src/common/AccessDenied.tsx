import { Alert, AlertTitle, Card, CardContent } from '@mui/material';
import { Title, useAuthenticated, usePermissions, useTranslate } from 'react-admin';
import type { AppRole } from '@nastavnik/contracts/roles';

/**
 * In place of a view the signed-in role may not open (a bookmarked or typed URL): says so in
 * Russian and asks the API nothing. The API refuses the same operations on its own. Someone
 * signed out is sent to the login page instead, as react-admin's own pages do.
 */
export const AccessDenied = () => {
  const translate = useTranslate();
  const { isPending } = useAuthenticated();
  const { permissions: role } = usePermissions<AppRole>();
  if (isPending) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('nastavnik.errors.accessDeniedTitle')} />
      <CardContent>
        <Alert severity="error" role="alert" data-testid="access-denied">
          <AlertTitle>{translate('nastavnik.errors.accessDeniedTitle')}</AlertTitle>
          {translate('nastavnik.errors.accessDenied', { role: role ? translate(`nastavnik.roles.${role}`) : '—' })}
        </Alert>
      </CardContent>
    </Card>
  );
};
