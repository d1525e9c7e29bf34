import type { Theme } from '@mui/material';

/**
 * The app bar's `sx` on a phone: the language menu shows its icon alone (the name of the language
 * stays for screen readers), so that the page title keeps some room beside the search, the bell
 * and the user menu. react-admin's language button is known by the menu it controls.
 */
export const phoneAppBar = (theme: Theme) => ({
  [theme.breakpoints.down('sm')]: {
    '& [aria-controls="simple-menu"]': {
      minWidth: 0,
      px: 1,
      fontSize: 0,
      '& .MuiButton-startIcon': { m: 0 },
      '& .MuiButton-endIcon': { display: 'none' },
    },
  },
});
