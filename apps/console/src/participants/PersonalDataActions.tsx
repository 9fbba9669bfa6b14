import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useGraphqlAction } from '../common/graphql';
import { saveFile } from './importFile';

type Erasure = { id: string; status: 'SCHEDULED' | 'CANCELLED' | 'DONE'; runAfter: string; dueBy: string; doneAt: string | null };
type ParticipantRecord = { id: string; erasedAt?: string | null };

const ERASURE_FIELDS = 'id status runAfter dueBy doneAt';
const ruDateTime = (iso: string) => new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' });

/**
 * The participant's personal-data rights on their card (issue 14, docs/personal-data.md):
 * «Удалить персональные данные» (with the undo window: the scheduled erasure and «Отменить
 * удаление»), and the subject-access export as PDF (for a parent) or JSON.
 */
export const PersonalDataActions = () => {
  const record = useRecordContext<ParticipantRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [erasures, setErasures] = useState<Erasure[]>([]);
  const load = useGraphqlAction<{ personalDataErasures: Erasure[] }>();
  const act = useGraphqlAction<Record<string, Erasure>>();
  const exporter = useGraphqlAction<{ subjectAccessExport: { fileName: string; contentType: string; content: string } }>();
  const id = record?.id;

  const loadRun = load.run;
  const reload = useCallback(async () => {
    if (!id) return;
    const result = await loadRun(`query Erasures($p: ID!) { personalDataErasures(participantId: $p) { ${ERASURE_FIELDS} } }`, { p: id });
    if (result) setErasures(result.personalDataErasures);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!record) return null;
  const scheduled = erasures.find((e) => e.status === 'SCHEDULED');

  const request = async () => {
    const result = await act.run(`mutation Erase($p: ID!) { requestPersonalDataErasure(participantId: $p) { ${ERASURE_FIELDS} } }`, { p: record.id });
    setOpen(false);
    if (result) {
      notify(translate('resources.participants.personalData.requested'), { type: 'success' });
      await reload();
    }
  };
  const cancel = async (erasure: Erasure) => {
    const result = await act.run(`mutation CancelErase($id: ID!) { cancelPersonalDataErasure(id: $id) { ${ERASURE_FIELDS} } }`, { id: erasure.id });
    if (result) {
      notify(translate('resources.participants.personalData.cancelled'), { type: 'success' });
      await reload();
      refresh();
    }
  };
  const download = async (format: 'PDF' | 'JSON') => {
    const result = await exporter.run(`mutation SubjectAccess($p: ID!, $f: SubjectAccessFormat!) { subjectAccessExport(participantId: $p, format: $f) { fileName contentType content } }`, { p: record.id, f: format });
    if (!result) return;
    const { fileName, contentType, content } = result.subjectAccessExport;
    const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
    saveFile(new Blob([bytes], { type: contentType }), fileName);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, my: 1 }} data-testid="personal-data-actions">
      {record.erasedAt ? (
        <Alert severity="info">{translate('resources.participants.personalData.erased', { erasedAt: ruDateTime(record.erasedAt) })}</Alert>
      ) : scheduled ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" disabled={act.pending} onClick={() => cancel(scheduled)} data-testid="cancel-erasure">
              {translate('resources.participants.personalData.cancel')}
            </Button>
          }
        >
          {translate('resources.participants.personalData.scheduled', { runAfter: ruDateTime(scheduled.runAfter), dueBy: ruDateTime(scheduled.dueBy) })}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={exporter.pending} onClick={() => download('PDF')} data-testid="subject-access-pdf">
          {translate('resources.participants.personalData.exportPdf')}
        </Button>
        <Button size="small" variant="outlined" startIcon={<DownloadIcon />} disabled={exporter.pending} onClick={() => download('JSON')} data-testid="subject-access-json">
          {translate('resources.participants.personalData.exportJson')}
        </Button>
        {!record.erasedAt && !scheduled ? (
          <Button size="small" color="error" variant="outlined" startIcon={<DeleteForeverIcon />} onClick={() => setOpen(true)} data-testid="request-erasure">
            {translate('resources.participants.personalData.erase')}
          </Button>
        ) : null}
      </Box>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('resources.participants.personalData.eraseTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.participants.personalData.eraseText')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="error" disabled={act.pending} onClick={request} data-testid="confirm-erasure">
            {translate('resources.participants.personalData.eraseConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
