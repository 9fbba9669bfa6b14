import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useGraphqlAction } from '../common/graphql';

type ConsentRecord = { id: string; revokedOn?: string | null };

/** «Отозвать»: revokeConsent(id, reason) — the participant leaves pairing and questionnaires from today. */
export const RevokeConsentButton = () => {
  const consent = useRecordContext<ConsentRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { run, pending } = useGraphqlAction<{ revokeConsent: { id: string } }>();
  if (!consent || consent.revokedOn) return null;
  const submit = async () => {
    const result = await run('mutation Revoke($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { id revokedOn } }', { id: consent.id, reason });
    if (result) {
      notify(translate('resources.participants.revoke.done'), { type: 'success' });
      setOpen(false);
      refresh();
    }
  };
  return (
    <>
      <Button size="small" color="warning" onClick={(event) => (event.stopPropagation(), setOpen(true))}>
        {translate('resources.participants.revoke.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(event) => event.stopPropagation()}>
        <DialogTitle>{translate('resources.participants.revoke.title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate('resources.participants.revoke.reason')}
            helperText={translate('resources.participants.revoke.reasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" disabled={pending || reason.trim().length < 3} onClick={submit}>
            {translate('resources.participants.revoke.button')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
