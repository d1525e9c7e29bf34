/**
 * react-admin's pagination, saying "about" when the server estimated the total
 * (`X-Total-Count-Exact: false` → `meta.totalExact === false`, see the data provider): a list of
 * millions of rows is not counted exactly on every page.
 */
import { useCallback } from 'react';
import { Toolbar } from '@mui/material';
import { Pagination, useListContext, useLocale, type PaginationProps } from 'react-admin';
import { isEstimatedTotal } from '../data/totalExactness.js';
import { formatNumber } from '../fields/format.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useAfterFirstPaint } from '../lazy/useAfterFirstPaint.js';

interface Range {
  from: number;
  to: number;
  count: number;
}

/**
 * Under the rows: react-admin's pagination (TablePagination, its rows-per-page select and menu)
 * comes right after the rows' first paint instead of with it; until then, the placeholder
 * react-admin's pagination shows while the list loads.
 */
export function SalesPagination(props: PaginationProps) {
  const { isPending } = useListContext();
  return isPending ? <Toolbar variant="dense" /> : <PaginationAfterRows {...props} />;
}

function PaginationAfterRows(props: PaginationProps) {
  return useAfterFirstPaint() ? <CountedPagination {...props} /> : <Toolbar variant="dense" />;
}

function CountedPagination(props: PaginationProps) {
  const { meta } = useListContext();
  const t = useUiTranslate();
  const locale = useLocale();
  const approximate = isEstimatedTotal(meta);
  const about = useCallback(
    ({ from, to, count }: Range) =>
      t('pagination.about', {
        from: formatNumber(from, locale),
        to: formatNumber(to, locale),
        total: formatNumber(count, locale, { maximumSignificantDigits: 2 }),
      }),
    [t, locale],
  );
  // TablePagination's own prop, which react-admin passes through and lets override its label.
  return approximate ? <Pagination {...props} {...({ labelDisplayedRows: about } as object)} /> : <Pagination {...props} />;
}
