import { LinearProgress } from '@mui/material';
import { SimpleForm, TabbedForm, useRecordContext } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { EditFormToolbar } from '../rules/RecordButtons.js';
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
  const toolbar = isNewRecord(record) ? undefined : <EditFormToolbar entity={entity} model={model} />;
  if (sections.length <= 1) return <SimpleForm toolbar={toolbar}>{formInputs(entity, sections[0]?.fields ?? [], hints)}</SimpleForm>;
  return (
    <TabbedForm toolbar={toolbar}>
      {sections.map((section) => (
        <TabbedForm.Tab key={section.id} label={sectionLabel(section.id)}>
          {formInputs(entity, section.fields, hints)}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
};
