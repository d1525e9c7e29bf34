import type { SxProps, Theme } from '@mui/material';

type Page = 'RaShow' | 'RaEdit' | 'RaCreate';

/**
 * The `sx` of react-admin's Show, Edit and Create that keeps a record page within the screen: the
 * card may shrink below its content's width (wide content scrolls inside it instead of widening
 * the page), and below `md` the aside (the stage history) goes under the record instead of beside it.
 */
export function fitTheScreen(page: Page, given?: SxProps<Theme>): SxProps<Theme> {
  const own = (theme: Theme) => ({
    [`& .${page}-card`]: { minWidth: 0 },
    [theme.breakpoints.down('md')]: {
      [`& .${page}-main`]: { flexDirection: 'column', alignItems: 'stretch' },
      [`& .${page}-main > :not(.${page}-card)`]: { width: 'auto', marginLeft: 0 },
    },
  });
  return [own, ...(Array.isArray(given) ? given : given ? [given] : [])] as SxProps<Theme>;
}
