import { Create, Edit, SimpleForm } from 'react-admin';
import { EditLoadError, quietLoadError } from '../common/LoadError';
import { ParticipantInputs } from './ParticipantInputs';

export const ParticipantCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ParticipantInputs />
    </SimpleForm>
  </Create>
);

export const ParticipantEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" error={<EditLoadError />} queryOptions={quietLoadError}>
    <SimpleForm>
      <ParticipantInputs />
    </SimpleForm>
  </Edit>
);
