import { render, screen } from '@testing-library/react';
import { ICON_NAMES } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { iconFor } from '../../src/resources/icons.js';
import { DefaultIcon, materialIcons } from '../../src/resources/iconSet.js';

describe('the icons x-icon may name', () => {
  it('maps exactly the names the schema check accepts', () => {
    expect(Object.keys(materialIcons).sort()).toEqual([...ICON_NAMES].sort());
    expect(DefaultIcon).toBe(materialIcons.ListAlt);
  });

  it('gives one component per name, drawn from the icons chunk once it has loaded', async () => {
    expect(iconFor('Business')).toBe(iconFor('Business'));
    const Business = iconFor('Business');
    const Unknown = iconFor('NoSuchIcon');
    render(
      <>
        <Business />
        <Unknown />
      </>,
    );
    expect(await screen.findByTestId('BusinessIcon')).toBeTruthy();
    expect(await screen.findByTestId('ListAltIcon')).toBeTruthy();
  });

  it('uses a host’s own icon for a name it gives', () => {
    const Mine = () => null;
    expect(iconFor('Business', { Business: Mine })).toBe(Mine);
  });
});
