import { useState, type MouseEvent } from 'react';
import { Menu, MenuItem } from '@mui/material';
import EditAttributesIcon from '@mui/icons-material/EditAttributes';
import {
  Button,
  useDataProvider,
  useListContext,
  useLocale,
  useNotify,
  useRefresh,
  useTranslate,
  useUpdateMany,
  type HttpError,
} from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { useFieldChoices } from '../fields/choices.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import type { SalesDataProvider } from '../data/dataProvider.js';
import { isWorkflowField } from './entity.js';

export interface BulkSetButtonProps {
  entity: ClientEntityModel;
  field: ClientFieldModel;
}

/**
 * Sets one enum field on every selected record. For the workflow field each record is moved
 * through `transition`, so the server checks gates and approvals one record at a time.
 */
export const BulkSetButton = ({ entity, field }: BulkSetButtonProps) => {
  const { selectedIds, onUnselectItems, data = [] } = useListContext();
  const dataProvider = useDataProvider() as SalesDataProvider;
  const [updateMany, { isPending }] = useUpdateMany();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const locale = useLocale();
  const choices = useFieldChoices(entity, field);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const fieldLabel = translate(keys.field(entity.resource, field.name), { _: labelIn(field.label, locale) });
  const resource = entity.resource;

  const moveAll = async (to: string, stage: string) => {
    const results = await Promise.allSettled(
      selectedIds.map((id) => dataProvider.transition(resource, { id, to, previousData: data.find((r) => r.id === id) })),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const moved = results.length - failed.length;
    if (moved) notify('ra_sales.notification.transitioned', { type: 'info', messageArgs: { smart_count: moved, stage } });
    if (failed.length) {
      const message = (failed[0].reason as HttpError)?.message ?? '';
      notify('ra_sales.notification.transition_failed', { type: 'error', messageArgs: { smart_count: failed.length, message } });
    }
    refresh();
    onUnselectItems();
  };

  const apply = (value: string, name: string) => {
    setAnchor(null);
    if (isWorkflowField(entity, field)) return void moveAll(value, name);
    updateMany(
      resource,
      { ids: selectedIds, data: { [field.name]: value } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: selectedIds.length } });
          onUnselectItems();
        },
        onError: (error) => notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' }),
      },
    );
  };

  return (
    <>
      <Button
        label={translate('ra_sales.action.set_field', { field: fieldLabel })}
        disabled={isPending}
        onClick={(event: MouseEvent<HTMLButtonElement>) => setAnchor(event.currentTarget)}
      >
        <EditAttributesIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {choices.map((choice) => (
          <MenuItem key={choice.id} onClick={() => apply(choice.id, choice.name)}>
            {choice.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
