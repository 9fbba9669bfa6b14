import { Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { choicesOf } from '../common/choices';
import type { ConsoleDataProvider } from '../dataProvider';
import { THRESHOLD_FIELDS, ThresholdFields, type Thresholds, thresholdsInput, useNotificationSettings } from './ThresholdFields';

type Settings = Thresholds & { curatorEmail: string | null };
const FIELDS = `curatorEmail ${THRESHOLD_FIELDS}`;
const toInput = (value: Settings) => ({ curatorEmail: value.curatorEmail || null, ...thresholdsInput(value) });

/** The school's notification settings (empty = the region's defaults), and a preview of every kind of message. */
export const NotificationSettingsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.notifications.${key}`);
  const { settings, setSettings, save } = useNotificationSettings<Settings>('notificationSettings', 'updateNotificationSettings', 'NotificationSettingsInput', FIELDS, toInput);
  const [kind, setKind] = useState('QUESTIONNAIRE_LINK');
  const [preview, setPreview] = useState<string>('');

  useEffect(() => {
    void dataProvider.graphql<{ notificationPreview: { html: string } }>('query Preview($kind: NotificationKind!) { notificationPreview(kind: $kind) { html } }', { kind }).then((r) => setPreview(r.notificationPreview.html));
  }, [dataProvider, kind]);

  if (!settings) return null;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 2 }}>
      <Title title={t('settings')} />
      <Card sx={{ flex: '1 1 360px' }}>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{t('settings')}</Typography>
          <TextField label={t('curatorEmail')} value={settings.curatorEmail ?? ''} onChange={(e) => setSettings({ ...settings, curatorEmail: e.target.value })} />
          <ThresholdFields value={settings} onChange={setSettings} emptyMeans={t('inheritsRegion')} />
          <Button variant="contained" onClick={() => void save()}>{t('save')}</Button>
        </CardContent>
      </Card>
      <Card sx={{ flex: '2 1 480px' }}>
        <CardContent>
          <Typography variant="h6">{t('templates')}</Typography>
          <TextField select fullWidth label={translate('resources.notifications.fields.kind')} value={kind} onChange={(e) => setKind(e.target.value)} sx={{ my: 1 }}>
            {choicesOf('NotificationKind').map((c) => (
              <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>
            ))}
          </TextField>
          <iframe title="preview" sandbox="" srcDoc={preview} style={{ width: '100%', minHeight: 420, border: '1px solid #ddd', background: '#fff' }} />
        </CardContent>
      </Card>
    </Box>
  );
};
