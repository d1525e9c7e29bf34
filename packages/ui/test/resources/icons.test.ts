import { ICON_NAMES } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { DefaultIcon, iconFor, materialIcons } from '../../src/resources/icons.js';

describe('the icons x-icon may name', () => {
  it('maps exactly the names the schema check accepts', () => {
    expect(Object.keys(materialIcons).sort()).toEqual([...ICON_NAMES].sort());
  });

  it('gives every accepted name its own icon, and the default for any other name', () => {
    for (const name of ICON_NAMES) expect(iconFor(name), name).toBe(materialIcons[name]);
    expect(iconFor('NoSuchIcon')).toBe(DefaultIcon);
  });
});
