import { Create, type CreateProps } from 'react-admin';
import { entityOf, type EntityScreenProps } from './entity.js';
import { EntityForm, toPayload } from './EntityForm.js';
import { useSaveErrorHandler } from './serverErrors.js';

export interface EntityCreateProps extends EntityScreenProps, Omit<CreateProps, 'resource' | 'children'> {}

/** A new record; the server starts it in the workflow's initial stage. */
export const EntityCreate = ({ model, resource, ...props }: EntityCreateProps) => {
  const entity = entityOf(model, resource);
  const onError = useSaveErrorHandler();
  return (
    <Create resource={resource} mutationOptions={{ onError }} transform={toPayload(entity, 'create')} redirect="show" {...props}>
      <EntityForm entity={entity} />
    </Create>
  );
};
