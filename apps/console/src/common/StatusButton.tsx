import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { useGraphqlAction } from './graphql';

type Props = {
  label: string;
  mutation: string;
  variables: () => Record<string, unknown>;
  color?: 'primary' | 'success' | 'warning' | 'error';
  /** Asks for details (a reason, a result) in a dialog before running. */
  dialog?: { title: string; content: ReactNode; canSubmit: boolean };
};

/** A lifecycle button (activate, complete, end early): runs one mutation, then refreshes the page's records. */
export const StatusButton = ({ label, mutation, variables, color = 'primary', dialog }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { run, pending } = useGraphqlAction();
  const go = async () => {
    if (await run(mutation, variables())) {
      setOpen(false);
      notify('nastavnik.actions.done', { type: 'success' });
      refresh();
    }
  };
  return (
    <>
      <Button size="small" variant="outlined" color={color} disabled={pending} onClick={() => (dialog ? setOpen(true) : go())}>
        {label}
      </Button>
      {dialog && (
        <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{dialog.title}</DialogTitle>
          <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>{dialog.content}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" color={color} disabled={pending || !dialog.canSubmit} onClick={go}>
              {label}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
};
