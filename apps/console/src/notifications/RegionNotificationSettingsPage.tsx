import { Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { THRESHOLD_FIELDS, ThresholdFields, type Thresholds, thresholdsInput, useNotificationSettings } from './ThresholdFields';

type RegionSettings = Thresholds & { analystEmail: string | null };
const FIELDS = `analystEmail ${THRESHOLD_FIELDS}`;
const toInput = (value: RegionSettings) => ({ analystEmail: value.analystEmail || null, ...thresholdsInput(value) });

/**
 * «Уведомления: настройки региона» (the region analyst's): the defaults of the region's schools
 * (a school's own value wins; empty — the platform's) and the analysts' address for the list of
 * schools that have not submitted the yearly report by the due date.
 */
export const RegionNotificationSettingsPage = () => {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.notifications.${key}`);
  const { settings, setSettings, save } = useNotificationSettings<RegionSettings>('regionNotificationSettings', 'updateRegionNotificationSettings', 'RegionNotificationSettingsInput', FIELDS, toInput);
  if (!settings) return null;
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
