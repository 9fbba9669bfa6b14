import { FormControlLabel, Switch, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../dataProvider';

/** The thresholds a school sets for itself and a region for its schools: own values (null: the level above decides) and those in force. */
export type Thresholds = {
  linkReminderDays: number | null;
  pairIdleDays: number | null;
  roadmapDueDays: number | null;
  digestEnabled: boolean | null;
  effectiveLinkReminderDays: number;
  effectivePairIdleDays: number;
  effectiveRoadmapDueDays: number;
  effectiveDigestEnabled: boolean;
};
export const THRESHOLD_FIELDS = 'linkReminderDays pairIdleDays roadmapDueDays digestEnabled effectiveLinkReminderDays effectivePairIdleDays effectiveRoadmapDueDays effectiveDigestEnabled';
const NUMBERS = [
  ['linkReminderDays', 'effectiveLinkReminderDays'],
  ['pairIdleDays', 'effectivePairIdleDays'],
  ['roadmapDueDays', 'effectiveRoadmapDueDays'],
] as const;

/** The own values to save. */
export function thresholdsInput(value: Thresholds): Pick<Thresholds, 'linkReminderDays' | 'pairIdleDays' | 'roadmapDueDays' | 'digestEnabled'> {
  return { linkReminderDays: value.linkReminderDays, pairIdleDays: value.pairIdleDays, roadmapDueDays: value.roadmapDueDays, digestEnabled: value.digestEnabled };
}

/** The threshold inputs, each with the value in force below it; `emptyMeans` is the placeholder of an empty field. */
export const ThresholdFields = <T extends Thresholds>({ value, onChange, emptyMeans }: { value: T; onChange: (next: T) => void; emptyMeans: string }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.notifications.${key}`);
  return (
    <>
      {NUMBERS.map(([own, effective]) => (
        <TextField
          key={own}
          name={own}
          type="number"
          label={t(own)}
          value={value[own] ?? ''}
          placeholder={emptyMeans}
          helperText={`${t('effective')}: ${value[effective]}`}
          onChange={(e) => onChange({ ...value, [own]: e.target.value === '' ? null : Number(e.target.value) })}
        />
      ))}
      <FormControlLabel
        control={<Switch checked={value.digestEnabled ?? value.effectiveDigestEnabled} onChange={(e) => onChange({ ...value, digestEnabled: e.target.checked })} />}
        label={t('digestEnabled')}
      />
    </>
  );
};

/**
 * A settings row of one level (a school's, a region's): loaded with `query`, saved with `mutation`
 * (its input type `inputType`, the input made by `toInput`), the server's answer shown after either.
 */
export function useNotificationSettings<T extends Thresholds>(query: string, mutation: string, inputType: string, fields: string, toInput: (value: T) => Record<string, unknown>) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [settings, setSettings] = useState<T | null>(null);
  useEffect(() => {
    void dataProvider
      .graphql<Record<string, T>>(`query Load { value: ${query} { ${fields} } }`)
      .then((r) => setSettings(r.value))
      .catch((error: Error) => notify(error.message, { type: 'error' }));
  }, [dataProvider, notify, query, fields]);
  const save = async () => {
    if (!settings) return;
    try {
      const r = await dataProvider.graphql<Record<string, T>>(`mutation Save($input: ${inputType}!) { value: ${mutation}(input: $input) { ${fields} } }`, { input: toInput(settings) });
      setSettings(r.value);
      notify('resources.notifications.settingsSaved', { type: 'info' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return { settings, setSettings, save };
}
