/**
 * The related lists of a show page (`x-related`): for each, the records of another entity whose
 * reference field points at the record shown, read through the normal list endpoint (which keeps
 * to the user's read scope), with a link to each and a create button filling the reference in.
 */
import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  Link,
  ReferenceManyField,
  useCreatePath,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { ClientEntityModel, ClientSalesModel, RelatedListModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { listColumns } from '../resources/elements.js';
import { PhoneList } from '../resources/PhoneList.js';
import { useMayCreate } from '../rules/useMayCreate.js';
import { SalesPagination } from '../resources/SalesPagination.js';

/** Rows of a related list per page: a glance, the full list is one click away. */
export const RELATED_PAGE = 5;

/** Below `md` react-admin's CreateButton floats at the screen's corner; here it stays beside its list's title, small. */
const IN_PLACE_ON_SMALL_SCREENS = {
  '&.RaCreateButton-floating': { position: 'static', width: 36, height: 36, minHeight: 36, boxShadow: 'none' },
} as const;

export interface RelatedListsProps {
  model: ClientSalesModel;
  entity: ClientEntityModel;
}

export function RelatedLists({ model, entity }: RelatedListsProps) {
  const record = useRecordContext();
  const lists = (entity.related ?? []).filter((list) => model.entities[list.resource]);
  if (!record || lists.length === 0) return null;
  // A resource listed by two of its fields is told apart by the field's label.
  const twice = (list: RelatedListModel) => lists.filter((other) => other.resource === list.resource).length > 1;
  return (
    <Box data-testid="related-lists" sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      {lists.map((list) => (
        <RelatedList
          key={`${list.resource}.${list.field}`}
          target={model.entities[list.resource]!}
          field={list.field}
          record={record}
          withField={twice(list)}
        />
      ))}
    </Box>
  );
}

interface RelatedListProps {
  target: ClientEntityModel;
  field: string;
  record: RaRecord;
  withField: boolean;
}

function RelatedList({ target, field, record, withField }: RelatedListProps) {
  const translate = useTranslate();
  const t = useUiTranslate();
  const createPath = useCreatePath();
  const mayCreate = useMayCreate(target);
  const phone = useIsPhone();
  const plural = translate(keys.resourcePlural(target.resource));
  const title = withField ? `${plural} · ${translate(keys.field(target.resource, field))}` : plural;
  // The reference back to the record shown says nothing in its own list.
  const shown = { ...target, fields: target.fields.filter((f) => f.name !== field) };
  const empty = (
    <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
      {t('hub.related_empty')}
    </Typography>
  );
  const filter = encodeURIComponent(JSON.stringify({ [field]: record.id }));
  return (
    <Box component="section" aria-label={title} data-testid="related-list" data-resource={target.resource}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1, minWidth: 0 }}>
          {title}
        </Typography>
        <Link to={`${createPath({ resource: target.resource, type: 'list' })}?filter=${filter}`}>{t('hub.show_all')}</Link>
        {mayCreate && <CreateButton resource={target.resource} state={{ record: { [field]: record.id } }} sx={IN_PLACE_ON_SMALL_SCREENS} />}
      </Box>
      <ReferenceManyField
        reference={target.resource}
        target={field}
        record={record}
        sort={target.sort}
        perPage={RELATED_PAGE}
        pagination={<SalesPagination rowsPerPageOptions={[]} />}
      >
        {/* On a phone, compact cards as on the lists. */}
        {phone ? (
          <PhoneList entity={shown} bulkActions={false} empty={empty} />
        ) : (
          <Datagrid rowClick="show" bulkActionButtons={false} size="small" empty={empty}>
            {listColumns(shown)}
          </Datagrid>
        )}
      </ReferenceManyField>
    </Box>
  );
}
