/**
 * Translation keys of everything the schema labels. Field and resource names follow
 * react-admin's own convention (`resources.<res>.fields.<field>`), so react-admin finds them
 * without explicit `label` props; the rest live beside them under the resource.
 */
export const keys = {
  resourceName: (res: string) => `resources.${res}.name`,
  /** The collection title (list page, menu); Chinese has no plural, so it is a key of its own. */
  resourcePlural: (res: string) => `resources.${res}.plural`,
  field: (res: string, field: string) => `resources.${res}.fields.${field}`,
  item: (res: string, field: string, item: string) => `resources.${res}.items.${field}.${item}`,
  help: (res: string, field: string) => `resources.${res}.help.${field}`,
  enumOption: (res: string, field: string, value: string) => `resources.${res}.enums.${field}.${value}`,
  stage: (res: string, stage: string) => `resources.${res}.stages.${stage}`,
  section: (res: string, section: string) => `resources.${res}.sections.${section}`,
  /** An action of `x-actions`: its label, and its description (the button's tooltip). */
  action: (res: string, action: string) => `resources.${res}.actions.${action}`,
  actionHelp: (res: string, action: string) => `resources.${res}.action_help.${action}`,
  group: (group: string) => `ra_sales.groups.${group}`,
  role: (role: string) => `ra_sales.roles.${role}`,
} as const;
