import { Create, type CreateProps } from 'react-admin';
import { entityOf, type EntityScreenProps } from './entity.js';
import { EntityForm } from './EntityForm.js';
import { fitTheScreen } from './pageLayout.js';
import { useSaveErrorHandler } from './serverErrors.js';
import { useSavePayload } from './useSavePayload.js';

export interface EntityCreateProps extends EntityScreenProps, Omit<CreateProps, 'resource' | 'children'> {}

/** A new record; the server starts it in the workflow's initial stage. Fields the user may not set stay out. */
export const EntityCreate = ({ model, resource, sx, ...props }: EntityCreateProps) => {
  const entity = entityOf(model, resource);
  const onError = useSaveErrorHandler();
  const transform = useSavePayload(entity, 'create');
  return (
    <Create
      resource={resource}
      mutationOptions={{ onError }}
      transform={transform}
      redirect="show"
      sx={fitTheScreen('RaCreate', sx)}
      {...props}
    >
      <EntityForm entity={entity} model={model} />
    </Create>
  );
};
