import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { participantLabel } from './label';

/** The participant a record is about: searched by name, required (consents, base entries). */
export const ParticipantPicker = () => (
  <ReferenceInput source="participantId" reference="participants">
    <AutocompleteInput optionText={participantLabel} filterToQuery={(q: string) => ({ q })} validate={required('Выберите участника.')} sx={{ minWidth: 420 }} />
  </ReferenceInput>
);
