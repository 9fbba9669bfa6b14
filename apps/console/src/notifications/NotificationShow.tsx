import ReplayIcon from '@mui/icons-material/Replay';
import { Box, Typography } from '@mui/material';
import { Button, FunctionField, Show, SimpleShowLayout, TextField, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { EnumField } from '../common/EnumField';
import type { ConsoleDataProvider } from '../dataProvider';

type Notification = RaRecord & { status: string; bodyHtml: string | null; bodyText: string | null; createdAt: string; sentAt: string | null };

/** «Отправить ещё раз» for a message that failed or whose sending was interrupted (same Message-ID). */
const ResendButton = () => {
  const record = useRecordContext<Notification>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record || !['FAILED', 'UNCERTAIN'].includes(record.status)) return null;
  const onClick = async () => {
    try {
      await dataProvider.graphql('mutation Resend($id: ID!) { resendNotification(id: $id) { id status } }', { id: record.id });
      notify('resources.notifications.resent', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return <Button label="resources.notifications.resend" onClick={() => void onClick()} startIcon={<ReplayIcon />} />;
};

/** The rendered message as the recipient sees it, in a sandboxed frame (no scripts, no navigation). */
const Preview = () => {
  const record = useRecordContext<Notification>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('resources.notifications.preview')}</Typography>
      {record.bodyHtml ? (
        <iframe title="message" sandbox="" srcDoc={record.bodyHtml} style={{ width: '100%', minHeight: 360, border: '1px solid #ddd', background: '#fff' }} />
      ) : (
        <pre style={{ whiteSpace: 'pre-wrap' }}>{record.bodyText ?? '—'}</pre>
      )}
    </Box>
  );
};

const when = (value: string | null) => (value ? new Date(value).toLocaleString('ru-RU') : '—');

export const NotificationShow = () => (
  <Show actions={<TopToolbar><ResendButton /></TopToolbar>}>
    <SimpleShowLayout>
      <EnumField source="kind" enumName="NotificationKind" />
      <TextField source="recipientEmail" />
      <TextField source="recipientName" emptyText="—" />
      <TextField source="subject" />
      <EnumField source="status" enumName="NotificationStatus" chip />
      <TextField source="attempts" />
      <TextField source="lastError" emptyText="—" />
      <FunctionField<Notification> source="createdAt" render={(n) => when(n.createdAt)} />
      <FunctionField<Notification> source="sentAt" render={(n) => when(n.sentAt)} />
      <TextField source="messageId" />
      <Preview />
    </SimpleShowLayout>
  </Show>
);
