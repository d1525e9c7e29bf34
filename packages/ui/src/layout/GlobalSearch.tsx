/**
 * The app bar's search box: as the user types (debounced), `GET /search` finds the matching records
 * of every entity the user may read; they are listed under their entity's label in the UI language,
 * and arrows then Enter, or a click, open the record (its show page, else its edit page). SalesLayout
 * loads it on demand: MUI Autocomplete stays out of a host's first chunk. On a phone it is an icon
 * that opens the field across the whole app bar.
 */
import { useEffect, useState } from 'react';
import SearchIcon from '@mui/icons-material/Search';
import CloseIcon from '@mui/icons-material/Close';
import { Autocomplete, Box, IconButton, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocale, useResourceDefinitions, useTranslate, type DataProvider } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { type ClientSalesModel, isSearchable, type SearchHit } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import type { SalesApi } from '../workflow/api.js';
import { useAdminPath } from './basename.js';
import { useIsPhone } from './useIsPhone.js';

export interface GlobalSearchProps {
  model: ClientSalesModel;
  /** Milliseconds of quiet typing before asking the server (default 300). */
  debounce?: number;
  /** Matches asked for at most (the server caps it at 50). */
  limit?: number;
}

export { isSearchable };

function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export const GlobalSearch = ({ model, debounce = 300, limit = 20 }: GlobalSearchProps) => {
  const dataProvider = useDataProvider() as DataProvider & Partial<SalesApi>;
  const definitions = useResourceDefinitions();
  const translate = useTranslate();
  const t = useUiTranslate();
  const locale = useLocale();
  const navigate = useNavigate();
  const adminPath = useAdminPath();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  // On a phone the box is an icon until tapped, then a field across the whole app bar.
  const phone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const term = useDebounced(input.trim(), debounce);
  const canSearch = typeof dataProvider.search === 'function';
  const { data, isFetching, error } = useQuery({
    queryKey: ['ra-sales', 'search', term, limit],
    queryFn: async () => (await dataProvider.search!(term, { limit })).data,
    enabled: canSearch && isSearchable(term),
    staleTime: 30_000,
  });
  if (!canSearch) return null;

  // Only records the host's admin can open: resources it registered, with a show or an edit page.
  const hits = isSearchable(term)
    ? (data ?? []).filter((hit) => definitions[hit.resource]?.hasShow || definitions[hit.resource]?.hasEdit)
    : [];
  const entityLabel = (resource: string) => {
    const entity = model.entities[resource];
    return translate(keys.resourcePlural(resource), { _: entity ? labelIn(entity.pluralLabel, locale) : resource });
  };
  const matchLine = (hit: SearchHit) => {
    const entity = model.entities[hit.resource];
    if (!hit.match.field || hit.match.field === entity?.recordRepresentation || hit.match.snippet === hit.title) return null;
    const field = entity?.fields.find((f) => f.name === hit.match.field);
    const name = translate(keys.field(hit.resource, hit.match.field), { _: field ? labelIn(field.label, locale) : hit.match.field });
    return `${name}: ${hit.match.snippet}`;
  };
  const openRecord = (hit: SearchHit) => {
    const id = encodeURIComponent(String(hit.id));
    const path = definitions[hit.resource]?.hasShow ? `/${hit.resource}/${id}/show` : `/${hit.resource}/${id}`;
    setInput('');
    setOpen(false);
    setExpanded(false);
    navigate(adminPath(path));
  };
  const waiting = isSearchable(input) && (input.trim() !== term || isFetching);
  const noOptions = error
    ? t('search.failed', { message: (error as Error).message })
    : !isSearchable(input)
      ? t('search.too_short')
      : waiting
        ? t('search.loading')
        : t('search.no_results');

  if (phone && !expanded)
    return (
      <IconButton color="inherit" aria-label={t('search.label')} onClick={() => setExpanded(true)} data-testid="search-open">
        <SearchIcon />
      </IconButton>
    );
  const wide = phone && expanded;
  return (
    <Box
      role="search"
      aria-label={t('search.label')}
      sx={
        wide
          ? (theme) => ({
              position: 'fixed',
              top: 0,
              left: 0,
              right: 0,
              zIndex: theme.zIndex.appBar + 1,
              display: 'flex',
              alignItems: 'center',
              gap: 0.5,
              px: 1,
              py: 0.75,
              bgcolor: 'primary.main',
              color: 'primary.contrastText',
            })
          : { display: 'flex', alignItems: 'center', gap: 0.5, mx: 1 }
      }
    >
      <SearchIcon fontSize="small" />
      <Autocomplete<SearchHit, false, false, false>
        size="small"
        sx={wide ? { flex: 1, minWidth: 0 } : { width: { xs: 150, sm: 260, md: 320 } }}
        open={open && input.trim() !== ''}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
        options={hits}
        value={null}
        inputValue={input}
        onInputChange={(_event, value, reason) => {
          if (reason !== 'reset') setInput(value);
        }}
        onChange={(_event, hit) => hit && openRecord(hit)}
        filterOptions={(options) => options}
        groupBy={(hit) => entityLabel(hit.resource)}
        getOptionLabel={(hit) => hit.title}
        isOptionEqualToValue={(a, b) => a.resource === b.resource && String(a.id) === String(b.id)}
        autoHighlight
        loading={waiting}
        loadingText={t('search.loading')}
        noOptionsText={noOptions}
        renderOption={(props, hit) => {
          const { key, ...rest } = props as typeof props & { key: string };
          const line = matchLine(hit);
          return (
            <li key={key ?? `${hit.resource}/${hit.id}`} {...rest}>
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="body2" noWrap>
                  {hit.title}
                </Typography>
                {line && (
                  <Typography variant="caption" color="text.secondary" noWrap component="div">
                    {line}
                  </Typography>
                )}
              </Box>
            </li>
          );
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            autoFocus={wide}
            placeholder={t('search.placeholder')}
            sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
          />
        )}
      />
      {wide && (
        <IconButton
          color="inherit"
          aria-label={t('phone.close_search')}
          onClick={() => {
            setExpanded(false);
            setInput('');
          }}
          data-testid="search-close"
        >
          <CloseIcon />
        </IconButton>
      )}
    </Box>
  );
};
