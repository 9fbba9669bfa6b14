import { BooleanInput, maxLength, NumberInput, required, SelectArrayInput, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { choicesOf } from '../common/choices';
import { RuDateInput } from '../common/RuDateInput';

/** Every field of a participant, grouped as the curator fills in the paper card. */
export const ParticipantInputs = () => (
  <>
    <TextInput source="lastName" validate={[required(), maxLength(100)]} sx={{ minWidth: 320 }} />
    <TextInput source="firstName" validate={[required(), maxLength(100)]} sx={{ minWidth: 320 }} />
    <TextInput source="middleName" validate={maxLength(100)} sx={{ minWidth: 320 }} />
    <SelectInput source="kind" choices={choicesOf('ParticipantKind')} validate={required()} sx={{ minWidth: 320 }} />
    <RuDateInput source="birthDate" />
    <SelectInput source="sex" choices={choicesOf('Sex')} emptyText="—" />
    <NumberInput source="grade" min={1} max={11} />
    <TextInput source="classLetter" validate={maxLength(3)} />
    <BooleanInput source="classTeacher" />
    <TextInput source="position" validate={maxLength(200)} sx={{ minWidth: 320 }} />
    <NumberInput source="teachingExperienceYears" min={0} max={70} />
    <TextArrayInput source="subjects" />
    <TextInput source="organisationName" validate={maxLength(300)} fullWidth />
    <TextInput source="phone" validate={maxLength(30)} />
    <TextInput source="email" type="email" validate={maxLength(200)} />
    <TextArrayInput source="requests" />
    <SelectArrayInput source="interests" choices={choicesOf('InterestArea')} sx={{ minWidth: 320 }} />
    <SelectArrayInput source="directions" choices={choicesOf('Direction')} fullWidth />
    <TextInput source="achievements" multiline fullWidth />
    <TextInput source="notes" multiline fullWidth />
  </>
);
