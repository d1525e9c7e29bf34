import { useMediaQuery, type Theme } from '@mui/material';

/** Below MUI's `sm` breakpoint: a phone held upright, where lists become cards and the board shows one column. */
export const useIsPhone = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
