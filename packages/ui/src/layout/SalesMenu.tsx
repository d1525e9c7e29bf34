import type { ReactNode } from 'react';
import { ListSubheader } from '@mui/material';
import { Menu, useLocale, useResourceDefinitions, useTranslate } from 'react-admin';
import type { SalesModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { WorkflowMenuItems } from '../workflow/index.js';

/** Menu entries of the sales resources, under one heading per model group; drop inside a `<Menu>`. */
export const SalesMenuItems = ({ model }: { model: SalesModel }) => {
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
          ...members.map((entity) => {
            const Icon = definitions[entity.resource]?.icon;
            return (
              <Menu.Item
                key={entity.resource}
                to={`/${entity.resource}`}
                primaryText={translate(keys.resourcePlural(entity.resource), { _: labelIn(entity.pluralLabel, locale) })}
                leftIcon={Icon ? <Icon /> : undefined}
              />
            );
          }),
        ];
      })}
    </>
  );
};

/** A complete menu: the host's own entries first, then the sales groups, boards and approvals. */
export const SalesMenu = ({ model, children }: { model: SalesModel; children?: ReactNode }) => (
  <Menu>
    {children}
    <SalesMenuItems model={model} />
    <WorkflowMenuItems model={model} />
  </Menu>
);
