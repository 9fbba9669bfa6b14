import { Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';
import { THRESHOLD_FIELDS, ThresholdFields, type Thresholds, thresholdsInput } from './ThresholdFields';

type RegionSettings = Thresholds & { analystEmail: string | null };
const FIELDS = `analystEmail ${THRESHOLD_FIELDS}`;

/**
 * «Уведомления: настройки региона» (the region analyst's): the defaults of the region's schools
 * (a school's own value wins; empty — the platform's) and the analysts' address for the list of
 * schools that have not submitted the yearly report by the due date.
 */
export const RegionNotificationSettingsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.notifications.${key}`);
  const [settings, setSettings] = useState<RegionSettings | null>(null);

  useEffect(() => {
    void dataProvider
      .graphql<{ regionNotificationSettings: RegionSettings }>(`query RegionNotificationSettings { regionNotificationSettings { ${FIELDS} } }`)
      .then((r) => setSettings(r.regionNotificationSettings))
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  }, [dataProvider, notify]);

  if (!settings) return null;
  const save = async () => {
    try {
      const input = { analystEmail: settings.analystEmail || null, ...thresholdsInput(settings) };
      const r = await dataProvider.graphql<{ updateRegionNotificationSettings: RegionSettings }>(
        `mutation SaveRegion($input: RegionNotificationSettingsInput!) { updateRegionNotificationSettings(input: $input) { ${FIELDS} } }`,
        { input },
      );
      setSettings(r.updateRegionNotificationSettings);
      notify('resources.notifications.settingsSaved', { type: 'info' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={t('regionSettings')} />
      <Card>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography variant="h6">{t('regionSettings')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('regionHint')}</Typography>
          <TextField name="analystEmail" label={t('analystEmail')} helperText={t('analystEmailHint')} value={settings.analystEmail ?? ''} onChange={(e) => setSettings({ ...settings, analystEmail: e.target.value })} />
          <ThresholdFields value={settings} onChange={setSettings} emptyMeans={t('inheritsPlatform')} />
          <Button variant="contained" onClick={() => void save()}>{t('save')}</Button>
        </CardContent>
      </Card>
    </Box>
  );
};
