/**
 * The `<Resource>` declarations of the sales entities. Only the declarations, their menu labels
 * and icons are in the host's first chunk: the list / show / edit / create screens (forms,
 * fields, the workflow widgets on them) load on demand, in one chunk, the first time a sales
 * screen opens.
 */
import type { ComponentType, ReactElement } from 'react';
import { Resource, type ResourceProps } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { iconFor } from './icons.js';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from './onDemand.js';

/** The screens of one resource, as `screens/<resource>.tsx` exports them. */
export interface ResourceScreens {
  list?: ComponentType | null;
  show?: ComponentType | null;
  edit?: ComponentType | null;
  create?: ComponentType | null;
  icon?: ComponentType;
  recordRepresentation?: ResourceProps['recordRepresentation'];
}

export interface SalesResourcesOptions {
  /** Per resource, screens replacing the library's: `{ customers: { list: MyCustomerList } }`; `null` removes one. */
  overrides?: Record<string, ResourceScreens>;
  /** Icons for `x-icon` names outside the built-in table. */
  icons?: Record<string, ComponentType>;
}

type ScreenKind = 'list' | 'show' | 'edit' | 'create';
type DefaultScreens = Record<ScreenKind, ComponentType>;
const cache = new WeakMap<ClientSalesModel, Map<string, DefaultScreens>>();

/**
 * The library's screens for a resource, loaded on demand; made once per model so that
 * re-renders keep the same components.
 */
export function defaultScreens(model: ClientSalesModel, resource: string): DefaultScreens {
  if (!cache.has(model)) cache.set(model, new Map());
  const byResource = cache.get(model)!;
  if (!byResource.has(resource)) {
    byResource.set(resource, {
      list: () => <EntityList model={model} resource={resource} />,
      show: () => <EntityShow model={model} resource={resource} />,
      edit: () => <EntityEdit model={model} resource={resource} />,
      create: () => <EntityCreate model={model} resource={resource} />,
    });
  }
  return byResource.get(resource)!;
}

const pick = (override: ComponentType | null | undefined, fallback: ComponentType) =>
  override === undefined ? fallback : (override ?? undefined);

/** One `<Resource>` per entity, in menu order, to drop into any `<Admin>`. */
export function salesResources(model: ClientSalesModel, options: SalesResourcesOptions = {}): ReactElement[] {
  const { overrides = {}, icons } = options;
  const fallbackLocale = model.locales[0] ?? 'en';
  return Object.values(model.entities).map((entity) => {
    const screens = defaultScreens(model, entity.resource);
    const own = overrides[entity.resource] ?? {};
    return (
      <Resource
        key={entity.resource}
        name={entity.resource}
        list={pick(own.list, screens.list)}
        show={pick(own.show, screens.show)}
        edit={pick(own.edit, screens.edit)}
        create={pick(own.create, screens.create)}
        icon={own.icon ?? iconFor(entity.icon, icons)}
        recordRepresentation={own.recordRepresentation ?? entity.recordRepresentation}
        // The entity rides along for the screens that only know a resource's name (a reference picker's quick create).
        options={{ label: labelIn(entity.pluralLabel, fallbackLocale), entity }}
      />
    );
  });
}
