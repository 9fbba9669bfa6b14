import { Alert } from '@mui/material';
import {
  CheckboxGroupInput,
  Create,
  FormDataConsumer,
  maxLength,
  RadioButtonGroupInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { choicesOf } from '../common/choices';
import { ParticipantPicker } from './ParticipantPicker';
import { backToParticipant, pastDate } from './dates';
import { RuDateInput } from '../common/RuDateInput';

type ConsentValues = { signedBy?: string; signedOn?: string; validUntil?: string; representativeName?: string; representativeRelation?: string; purposes?: string[] };

const PERSON_NAME = /^[А-ЯЁа-яёA-Za-z' -]+$/;

const validUntilAfterSigning = (value: unknown, values: ConsentValues) =>
  typeof value === 'string' && value && values.signedOn && value < values.signedOn ? 'Срок действия не может закончиться раньше даты подписания.' : undefined;
const representativeName = (value: unknown, values: ConsentValues) => {
  if (values.signedBy !== 'LEGAL_REPRESENTATIVE') return undefined;
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name) return 'Укажите ФИО законного представителя.';
  if (name.length < 3) return 'ФИО представителя — не короче трёх букв.';
  if (!PERSON_NAME.test(name)) return 'ФИО представителя: только буквы, пробел, дефис и апостроф.';
  return undefined;
};
const representativeRelation = (value: unknown, values: ConsentValues) =>
  values.signedBy === 'LEGAL_REPRESENTATIVE' && !value ? 'Укажите, кем приходится законный представитель.' : undefined;
const somePurpose = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'Укажите хотя бы одну цель обработки.');

/** A representative's fields make no sense for a consent the participant signed: they are not sent. */
const transform = (values: ConsentValues) =>
  values.signedBy === 'LEGAL_REPRESENTATIVE' ? values : { ...values, representativeName: null, representativeRelation: null };

/**
 * «Добавить согласие» on a participant's card: who signed (the participant or a legal
 * representative — required for a minor, which the API checks against the birth date), when,
 * until when and for which purposes. Messages are Russian, the API's own refusals land on the
 * field they concern.
 */
export const ConsentCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect={backToParticipant} transform={transform} title={translate('resources.consents.add')}>
      <SimpleForm defaultValues={{ purposes: ['PROCESSING'] }} data-testid="consent-form" sx={{ maxWidth: 880 }}>
        <Alert severity="info" sx={{ mb: 2, maxWidth: 760 }}>
          {translate('resources.consents.hint')}
        </Alert>
        <ParticipantPicker />
        <RadioButtonGroupInput source="signedBy" choices={choicesOf('ConsentSigner')} validate={required('Укажите, кто подписал согласие.')} />
        <FormDataConsumer<ConsentValues>>
          {({ formData }) =>
            formData.signedBy === 'LEGAL_REPRESENTATIVE' && (
              <>
                <TextInput source="representativeName" validate={[representativeName, maxLength(300, 'ФИО представителя — не длиннее 300 символов.')]} sx={{ minWidth: 420 }} />
                <SelectInput source="representativeRelation" choices={choicesOf('RepresentativeRelation')} validate={representativeRelation} sx={{ minWidth: 260 }} />
              </>
            )
          }
        </FormDataConsumer>
        <RuDateInput source="signedOn" validate={[required('Укажите дату подписания.'), pastDate('Дата подписания')]} />
        <RuDateInput source="validUntil" validate={validUntilAfterSigning} helperText="ДД.ММ.ГГГГ; пусто — бессрочно" />
        <CheckboxGroupInput source="purposes" choices={choicesOf('ConsentPurpose')} validate={somePurpose} row={false} helperText="Обработка персональных данных отмечается всегда" />
        <TextInput source="documentRef" validate={maxLength(300, 'Реквизиты документа — не длиннее 300 символов.')} sx={{ minWidth: 420 }} />
      </SimpleForm>
    </Create>
  );
};
