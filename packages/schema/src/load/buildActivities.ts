import type { ActivitiesModel, ActivityKind, Labels } from '../model.js';
import { ICON_NAMES } from '../icons.js';
import { didYouMean } from '../didYouMean.js';
import { DEFAULT_ACTIVITY_KINDS } from '../rules/activities.js';
import type { Report } from './buildFields.js';

export interface RawActivities {
  kinds?: { id?: string; label?: Labels; icon?: string }[];
}

/**
 * `activities` of model.json → the kinds of notes, each id once (a note stores its kind's id, so
 * two kinds of one id could not be told apart); note, call and visit when model.json has none.
 * An empty or malformed id is the meta-schema's to report.
 */
export function buildActivities(raw: RawActivities | undefined, report: Report): ActivitiesModel {
  if (!raw?.kinds) return { kinds: DEFAULT_ACTIVITY_KINDS.map((kind) => ({ ...kind })) };
  const first = new Map<string, number>();
  const kinds: ActivityKind[] = [];
  raw.kinds.forEach((rawKind, index) => {
    const at = `/activities/kinds/${index}`;
    const id = rawKind.id ?? '';
    if (id !== '' && first.has(id)) {
      report(`${at}/id`, `the kind "${id}" is already declared at /activities/kinds/${first.get(id)}: each kind needs its own id`);
      return;
    }
    if (id !== '') first.set(id, index);
    if (rawKind.icon !== undefined && !(ICON_NAMES as readonly string[]).includes(rawKind.icon)) {
      const hint = didYouMean(rawKind.icon, ICON_NAMES);
      report(
        `${at}/icon`,
        `"${rawKind.icon}" is not an icon ra-sales knows${hint ? `: ${hint}` : ''} (the names are listed in packages/schema/src/icons.ts)`,
      );
    }
    kinds.push({ id, label: rawKind.label ?? { en: id }, ...(rawKind.icon !== undefined ? { icon: rawKind.icon } : {}) });
  });
  return { kinds };
}
