import type { ReactNode } from 'react';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { ListItemButton, ListItemText, Typography } from '@mui/material';
import { Menu, useLocale, useResourceDefinitions, useSidebarState, useStore, useTranslate } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
// The routes module, not the workflow index: the index re-exports the board and the inbox,
// which must stay out of the menu's (the host's first) chunk.
import { WorkflowMenuItems, type WorkflowMenuItemsProps } from '../workflow/routes.js';
import { MyTasksMenuItem } from '../activities/routes.js';

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
  const definitions = useResourceDefinitions();
  const entities = Object.values(model.entities).filter((e) => definitions[e.resource]?.hasList);
  return (
    <>
      {model.groups.map((group) => {
        const members = entities.filter((e) => e.group === group.id);
        return members.length ? <MenuGroup key={group.id} group={group} members={members} /> : null;
      })}
    </>
  );
};

/**
 * One group: its heading folds and unfolds it (remembered per user in react-admin's store). While
 * the sidebar shows icons only, headings are hidden and every entry stays reachable.
 */
function MenuGroup({ group, members }: { group: ClientSalesModel['groups'][number]; members: ClientSalesModel['entities'][string][] }) {
  const translate = useTranslate();
  const locale = useLocale();
  const [sidebarOpen] = useSidebarState();
  const [open, setOpen] = useStore(`ra-sales.menu.${group.id}.open`, true);
  const title = translate(keys.group(group.id), { _: labelIn(group.label, locale) });
  return (
    <>
      {sidebarOpen && (
        <ListItemButton
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          data-testid="menu-group"
          data-group={group.id}
          sx={{ py: 0.25, color: 'text.secondary', fontSize: '0.8rem' }}
        >
          {/* Typography of its own: ListItemText's typography props are named differently across MUI 5–9. */}
          <ListItemText
            disableTypography
            primary={
              <Typography variant="caption" sx={{ fontWeight: 500 }}>
                {title}
              </Typography>
            }
          />
          {open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
        </ListItemButton>
      )}
      {(open || !sidebarOpen) &&
        members.map((entity) => (
          <Menu.ResourceItem
            key={entity.resource}
            name={entity.resource}
            // The collection title: Chinese has no plural, so `resources.<res>.plural`, not `name`.
            primaryText={translate(keys.resourcePlural(entity.resource), { _: labelIn(entity.pluralLabel, locale) })}
          />
        ))}
    </>
  );
}

export interface SalesMenuProps {
  model: ClientSalesModel;
  /** The host's own entries, shown first. */
  children?: ReactNode;
  /** Boards given their own entry (see `WorkflowMenuItems`). */
  boards?: WorkflowMenuItemsProps['boards'];
  /** The dashboard entry first, as react-admin's default menu has it (default: false). */
  dashboard?: boolean;
}

/** A complete menu: the host's own entries first, then the boards and the approvals (used daily), then the sales groups. */
export const SalesMenu = ({ model, children, boards, dashboard = false }: SalesMenuProps) => (
  <Menu>
    {dashboard && <Menu.DashboardItem />}
    {children}
    <WorkflowMenuItems model={model} boards={boards} />
    <MyTasksMenuItem />
    <SalesMenuItems model={model} />
  </Menu>
);
