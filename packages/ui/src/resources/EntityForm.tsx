import { SimpleForm, TabbedForm, type RaRecord } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { formInputs } from './elements.js';
import { editableFields } from './entity.js';
import { sectionsOf } from './sections.js';
import { useSectionLabel } from './useSectionLabel.js';

/** The inputs of every editable field: a SimpleForm, or a TabbedForm with one tab per section. */
export const EntityForm = ({ entity }: { entity: EntityModel }) => {
  const sectionLabel = useSectionLabel(entity);
  const fields = editableFields(entity);
  const sections = sectionsOf(fields);
  if (sections.length <= 1) return <SimpleForm>{formInputs(entity, fields)}</SimpleForm>;
  return (
    <TabbedForm>
      {sections.map((section) => (
        <TabbedForm.Tab key={section.id} label={sectionLabel(section.id)}>
          {formInputs(entity, section.fields)}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
};

/**
 * What is sent on save: the editable fields only (not the server's `id`, timestamps or computed
 * fields), plus `version` on update for optimistic locking. On create, empty values are left out.
 */
export function toPayload(entity: EntityModel, mode: 'create' | 'edit') {
  const names = editableFields(entity).map((f) => f.name);
  return (values: RaRecord | Record<string, unknown>) => {
    const payload: Record<string, unknown> = {};
    for (const name of names) {
      const value = values[name];
      if (value === undefined || (mode === 'create' && (value === null || value === ''))) continue;
      payload[name] = value;
    }
    if (mode === 'edit' && values.version !== undefined) payload.version = values.version;
    return payload;
  };
}
