import { Alert } from '@mui/material';
import {
  BooleanInput,
  Create,
  FormDataConsumer,
  maxLength,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { ParticipantPicker } from './ParticipantPicker';
import { backToParticipant, pastDate } from './dates';
import { RuDateInput } from '../common/RuDateInput';

type EntryValues = { base?: string; status?: string; maxMentees?: number | null; trainedOn?: string | null; trainingForm?: string | null; councilMember?: boolean; competencies?: string | null; request?: string | null };

const MENTOR_ONLY = ['maxMentees', 'trainedOn', 'trainingForm', 'councilMember', 'competencies'] as const;

const statusForBase = (value: unknown, values: EntryValues) => (values.base === 'MENTEE' && value === 'TRAINED' ? 'Обучение проходят только наставники.' : undefined);
const menteesLimit = (value: unknown) =>
  value === null || value === undefined || value === '' || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 30) ? undefined : 'Наставник может взять от 1 до 30 наставляемых.';
const withdrawalReason = (value: unknown, values: EntryValues) =>
  values.status === 'WITHDRAWN' && !(typeof value === 'string' && value.trim()) ? 'Укажите причину выбытия.' : undefined;

/**
 * Fields of the other base are not sent (a mentee has no training, no mentees of their own), nor
 * an empty inclusion date (the API then records today, by its own clock).
 */
const transform = (values: EntryValues & { includedOn?: string | null }) => {
  const sent: Record<string, unknown> = { ...values };
  if (!values.includedOn) delete sent.includedOn;
  if (values.base === 'MENTEE') for (const field of MENTOR_ONLY) delete sent[field];
  else delete sent.request;
  return sent;
};

/**
 * «Добавить в базу» on a participant's card: the mentor base (competencies, how many mentees,
 * training) or the mentee base (the request), with the state in the base and its dates.
 */
export const BaseEntryCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect={backToParticipant} transform={transform} title={translate('resources.participant-base-entries.add')}>
      <SimpleForm defaultValues={{ status: 'POTENTIAL', categories: [] }} data-testid="base-entry-form" sx={{ maxWidth: 880 }}>
        <Alert severity="info" sx={{ mb: 2, maxWidth: 760 }}>
          {translate('resources.participant-base-entries.hint')}
        </Alert>
        <ParticipantPicker />
        <RadioButtonGroupInput source="base" choices={choicesOf('BaseKind')} validate={required('Выберите базу: наставников или наставляемых.')} />
        <SelectInput source="status" choices={choicesOf('BaseStatus')} validate={[required('Укажите состояние в базе.'), statusForBase]} sx={{ minWidth: 320 }} />
        <RuDateInput source="includedOn" validate={pastDate('Дата включения')} helperText="ДД.ММ.ГГГГ; пусто — сегодня" />
        <RuDateInput source="surveyedOn" validate={pastDate('Дата анкетирования')} />
        <SelectArrayInput source="categories" choices={choicesOf('ParticipantCategory')} sx={{ minWidth: 420 }} />
        <FormDataConsumer<EntryValues>>
          {({ formData }) =>
            formData.base === 'MENTOR' ? (
              <>
                <TextInput source="competencies" multiline fullWidth validate={maxLength(2000, 'Компетенции — не длиннее 2000 символов.')} />
                <NumberInput source="maxMentees" validate={menteesLimit} />
                <RuDateInput source="trainedOn" validate={pastDate('Дата обучения')} />
                <SelectInput source="trainingForm" choices={choicesOf('TrainingForm')} emptyText="—" sx={{ minWidth: 260 }} />
                <BooleanInput source="councilMember" />
              </>
            ) : formData.base === 'MENTEE' ? (
              <TextInput source="request" multiline fullWidth validate={maxLength(2000, 'Запрос — не длиннее 2000 символов.')} />
            ) : null
          }
        </FormDataConsumer>
        <TextInput source="motivation" multiline fullWidth validate={maxLength(2000, 'Мотивация — не длиннее 2000 символов.')} />
        <FormDataConsumer<EntryValues>>
          {({ formData }) => formData.status === 'WITHDRAWN' && <TextInput source="withdrawalReason" fullWidth validate={withdrawalReason} />}
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
