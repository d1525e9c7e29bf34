import { Edit, type EditProps } from 'react-admin';
import { LockBanner } from '../rules/LockBanner.js';
import { UnsavedEditsProvider } from '../workflow/unsavedEdits.js';
import { entityOf, type EntityScreenProps } from './entity.js';
import { EntityForm } from './EntityForm.js';
import { fitTheScreen } from './pageLayout.js';
import { useSaveErrorHandler } from './serverErrors.js';
import { useSavePayload } from './useSavePayload.js';
import { workflowSlots, type WorkflowSlotProps } from './workflowSlots.js';

export interface EntityEditProps extends EntityScreenProps, WorkflowSlotProps, Omit<EditProps, 'resource' | 'children' | 'aside'> {}

/**
 * Pessimistic, so a refusal `{ errors: { field: message } }` from the server lands on the
 * inputs; the record's `version` goes back with the changes, the fields the user may not write
 * stay out. A locked record says so above the form.
 */
export const EntityEdit = ({ model, resource, stepper, aside, sx, ...props }: EntityEditProps) => {
  const entity = entityOf(model, resource);
  const onError = useSaveErrorHandler();
  const transform = useSavePayload(entity, 'edit');
  const slots = workflowSlots({ model, resource, stepper, aside });
  return (
    <Edit
      resource={resource}
      mutationOptions={{ onError }}
      mutationMode="pessimistic"
      transform={transform}
      redirect="show"
      aside={slots.aside ?? undefined}
      sx={fitTheScreen('RaEdit', sx)}
      {...props}
    >
      <UnsavedEditsProvider>
        {slots.stepper}
        <LockBanner entity={entity} />
        <EntityForm entity={entity} model={model} />
      </UnsavedEditsProvider>
    </Edit>
  );
};
