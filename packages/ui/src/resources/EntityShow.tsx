import type { ReactNode } from 'react';
import { Show, SimpleShowLayout, TabbedShowLayout, TabbedShowLayoutTabs, type ShowProps } from 'react-admin';
import { RecordHub } from '../hub/RecordHub.js';
import { LockBanner } from '../rules/LockBanner.js';
import { ShowActionsToolbar } from './ActionButtons.js';
import { showFields } from './elements.js';
import { fitTheScreen } from './pageLayout.js';
import { entityOf, type EntityScreenProps } from './entity.js';
import { sectionsOf } from './sections.js';
import { useSectionLabel } from './useSectionLabel.js';
import { workflowSlots, type WorkflowSlotProps } from './workflowSlots.js';

export interface EntityShowProps extends EntityScreenProps, WorkflowSlotProps, Omit<ShowProps, 'resource' | 'children' | 'aside'> {
  /** Shown below the record; default: its related lists (`x-related`) and its activity timeline. `null` hides it. */
  hub?: ReactNode;
}

/**
 * A record's fields, one tab per section; workflow entities get the stage stepper and history.
 * Edit and Delete show only when the current user may use them; a locked record says so. The
 * actions of `x-actions` offered on the record are buttons beside them. Below: the related lists and the activity.
 */
export const EntityShow = ({ model, resource, stepper, aside, hub, sx, ...props }: EntityShowProps) => {
  const entity = entityOf(model, resource);
  const slots = workflowSlots({ model, resource, stepper, aside });
  const sections = sectionsOf(entity);
  const sectionLabel = useSectionLabel(entity);
  return (
    <Show
      resource={resource}
      aside={slots.aside ?? undefined}
      actions={<ShowActionsToolbar entity={entity} model={model} />}
      sx={fitTheScreen('RaShow', sx)}
      {...props}
    >
      {slots.stepper}
      <LockBanner entity={entity} />
      {sections.length > 1 ? (
        // Scrollable tabs of no width of their own, as on the form: many sections never widen the page.
        <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }} />}>
          {sections.map((section) => (
            <TabbedShowLayout.Tab key={section.id} label={sectionLabel(section.id)}>
              {showFields(entity, section.fields)}
            </TabbedShowLayout.Tab>
          ))}
        </TabbedShowLayout>
      ) : (
        <SimpleShowLayout>{showFields(entity, sections[0]?.fields ?? [])}</SimpleShowLayout>
      )}
      {hub !== undefined ? hub : <RecordHub model={model} entity={entity} />}
    </Show>
  );
};
