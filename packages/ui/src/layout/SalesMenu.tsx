import type { ReactNode } from 'react';
import { ListSubheader } from '@mui/material';
import { Menu, useLocale, useResourceDefinitions, useTranslate } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
// The routes module, not the workflow index: the index re-exports the board and the inbox,
// which must stay out of the menu's (the host's first) chunk.
import { WorkflowMenuItems, type WorkflowMenuItemsProps } from '../workflow/routes.js';

export interface SalesMenuItemsProps {
  model: ClientSalesModel;
}

/**
 * Menu entries of the sales resources, under one heading per model group; drop inside any
 * `<Menu>` (the host's own). Each is react-admin's `<Menu.ResourceItem>`: its link honours
 * `<Admin basename>`, and it is hidden when the auth provider's `canAccess` refuses the list.
 * Only resources registered with a list (`salesResources(model)`) are shown.
 */
export const SalesMenuItems = ({ model }: SalesMenuItemsProps) => {
  const translate = useTranslate();
  const locale = useLocale();
  const definitions = useResourceDefinitions();
  const entities = Object.values(model.entities).filter((e) => definitions[e.resource]?.hasList);
  return (
    <>
      {model.groups.map((group) => {
        const members = entities.filter((e) => e.group === group.id);
        if (!members.length) return null;
        return [
          <ListSubheader key={`group-${group.id}`} disableSticky sx={{ lineHeight: 2.5, background: 'transparent' }}>
            {translate(keys.group(group.id), { _: labelIn(group.label, locale) })}
          </ListSubheader>,
          ...members.map((entity) => (
            <Menu.ResourceItem
              key={entity.resource}
              name={entity.resource}
              // The collection title: Chinese has no plural, so `resources.<res>.plural`, not `name`.
              primaryText={translate(keys.resourcePlural(entity.resource), { _: labelIn(entity.pluralLabel, locale) })}
            />
          )),
        ];
      })}
    </>
  );
};

export interface SalesMenuProps {
  model: ClientSalesModel;
  /** The host's own entries, shown first. */
  children?: ReactNode;
  /** Boards given their own entry (see `WorkflowMenuItems`). */
  boards?: WorkflowMenuItemsProps['boards'];
  /** The dashboard entry first, as react-admin's default menu has it (default: false). */
  dashboard?: boolean;
}

/** A complete menu: the host's own entries first, then the sales groups, boards and approvals. */
export const SalesMenu = ({ model, children, boards, dashboard = false }: SalesMenuProps) => (
  <Menu>
    {dashboard && <Menu.DashboardItem />}
    {children}
    <SalesMenuItems model={model} />
    <WorkflowMenuItems model={model} boards={boards} />
  </Menu>
);
