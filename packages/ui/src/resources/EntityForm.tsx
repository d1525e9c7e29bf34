import { LinearProgress } from '@mui/material';
import { SimpleForm, TabbedForm, TabbedFormTabs, useRecordContext } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { EditFormToolbar } from '../rules/RecordButtons.js';
import { PublishUnsavedEdits } from '../workflow/unsavedEdits.js';
import { isNewRecord, useReadOnlyHints } from '../rules/useReadOnlyHints.js';
import { formInputs } from './elements.js';
import { formFields } from './entity.js';
import { sectionsOf } from './sections.js';
import { useSectionLabel } from './useSectionLabel.js';

/**
 * The inputs of every editable and computed field: a SimpleForm, or a TabbedForm with one tab per
 * section. Fields the current user may not write on this record are read-only and say why;
 * computed fields follow the others as they are typed. Waits for the user to be known.
 */
export const EntityForm = ({ entity, model }: { entity: ClientEntityModel; model?: ClientSalesModel }) => {
  const sectionLabel = useSectionLabel(entity);
  const record = useRecordContext();
  const { hints, isPending } = useReadOnlyHints(entity);
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  const sections = sectionsOf(entity, formFields(entity));
  const editing = !isNewRecord(record);
  const toolbar = editing ? <EditFormToolbar entity={entity} model={model} /> : undefined;
  const publish = editing && <PublishUnsavedEdits />;
  if (sections.length <= 1)
    return (
      <SimpleForm toolbar={toolbar}>
        {publish}
        {formInputs(entity, sections[0]?.fields ?? [], hints)}
      </SimpleForm>
    );
  return (
    // Scrollable tabs of no width of their own: many sections (a stage's each, in every pipeline) never widen the page.
    <TabbedForm toolbar={toolbar} tabs={<TabbedFormTabs variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }} />}>
      {sections.map((section, index) => (
        <TabbedForm.Tab key={section.id} label={sectionLabel(section.id)}>
          {/* TabbedForm's children are tabs: the publisher goes inside the first. */}
          {index === 0 && publish}
          {formInputs(entity, section.fields, hints)}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
};
