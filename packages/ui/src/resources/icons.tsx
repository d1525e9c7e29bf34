/**
 * The menu's and the resources' icons by `x-icon` name. The table of icons is a chunk of its own
 * (./iconSet.ts): a host's first chunk carries none of their paths, and the icons appear when it
 * has loaded, in a space of their size meanwhile.
 */
import type { ComponentType } from 'react';
import { loadOnce, onDemand } from '../lazy/onDemand.js';

/** Loads the icons' chunk (once; a failed load is tried again next time). */
export const loadIconSet = loadOnce(() => import('./iconSet.js'));

const placeholder = <span style={{ display: 'inline-block', width: '1em', height: '1em' }} />;
const byName = new Map<string, ComponentType>();

/** The icon named `name` (a host's own from `extra` first), the default icon for an unknown name. */
export function iconFor(name: string | undefined, extra: Record<string, ComponentType> = {}): ComponentType {
  if (name && extra[name]) return extra[name];
  const key = name ?? '';
  let icon = byName.get(key);
  if (!icon) {
    icon = onDemand(
      `${key || 'Default'}Icon`,
      () => loadIconSet().then((set) => (set.materialIcons as Record<string, ComponentType | undefined>)[key] ?? set.DefaultIcon),
      placeholder,
    );
    byName.set(key, icon);
  }
  return icon;
}
