import { Alert, AlertTitle, CardContent } from '@mui/material';
import { useEditContext, useShowContext, useTranslate } from 'react-admin';

const ErrorPanel = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const message = error instanceof Error ? error.message : translate('ra.notification.http_error');
  return (
    <CardContent>
      <Alert severity="warning" role="alert">
        <AlertTitle>{translate('nastavnik.errors.notAvailable')}</AlertTitle>
        {message}
      </Alert>
    </CardContent>
  );
};

/** Shown in place of a record the API refused (not found, not in the caller's scope): the API's own words. */
export const ShowLoadError = () => <ErrorPanel error={useShowContext().error} />;

export const EditLoadError = () => <ErrorPanel error={useEditContext().error} />;

/** The panel above replaces react-admin's "item doesn't exist" notification and redirect. */
export const quietLoadError = { onError: () => undefined };
