import { Edit, type EditProps } from 'react-admin';
import { entityOf, type EntityScreenProps } from './entity.js';
import { EntityForm, toPayload } from './EntityForm.js';
import { useSaveErrorHandler } from './serverErrors.js';
import { workflowSlots, type WorkflowSlotProps } from './workflowSlots.js';

export interface EntityEditProps extends EntityScreenProps, WorkflowSlotProps, Omit<EditProps, 'resource' | 'children' | 'aside'> {}

/**
 * Pessimistic, so a refusal `{ errors: { field: message } }` from the server lands on the
 * inputs; the record's `version` goes back with the changes.
 */
export const EntityEdit = ({ model, resource, stepper, aside, ...props }: EntityEditProps) => {
  const entity = entityOf(model, resource);
  const onError = useSaveErrorHandler();
  const slots = workflowSlots({ model, resource, stepper, aside });
  return (
    <Edit resource={resource} mutationOptions={{ onError }} mutationMode="pessimistic" transform={toPayload(entity, 'edit')} redirect="show" aside={slots.aside ?? undefined} {...props}>
      {slots.stepper}
      <EntityForm entity={entity} />
    </Edit>
  );
};
