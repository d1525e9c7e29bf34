/**
 * The list's Import button: the file chosen is checked first by a dry run (every row through the
 * server's rules, nothing created), its refused rows listed by row number; only a clean file can
 * then be imported, all rows or none.
 */
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ClientEntityModel } from '@ra-sales/schema';
import { useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRefresh } from 'react-admin';
import { labelIn } from '../i18n/labels.js';
import type { ImportResult, SalesApi } from '../workflow/api.js';
import { useSalesTranslate } from '../workflow/messages.js';

type Step = { kind: 'checking' } | { kind: 'checked'; result: ImportResult } | { kind: 'importing'; result: ImportResult };

/** Nothing when the data provider cannot import (a host's own, without `salesApiMethods`). */
export function ImportButton({ entity }: { entity: ClientEntityModel }) {
  const api = useDataProvider() as Partial<SalesApi>;
  return typeof api.importFile === 'function' ? <ImportDialogButton entity={entity} importFile={api.importFile} /> : null;
}

function ImportDialogButton({ entity, importFile }: { entity: ClientEntityModel; importFile: SalesApi['importFile'] }) {
  const t = useSalesTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const close = () => {
    setStep(null);
    setFile(null);
    if (input.current) input.current.value = '';
  };
  const fail = (error: unknown) => {
    notify(t('import.failed', { message: (error as Error)?.message ?? String(error) }), { type: 'error' });
    close();
  };

  const check = async (chosen: File) => {
    setFile(chosen);
    setStep({ kind: 'checking' });
    try {
      setStep({ kind: 'checked', result: (await importFile(entity.resource, chosen, { dryRun: true })).data });
    } catch (error) {
      fail(error);
    }
  };

  const run = async (checked: ImportResult) => {
    if (!file) return;
    setStep({ kind: 'importing', result: checked });
    try {
      const { data } = await importFile(entity.resource, file);
      if (data.errors.length) return setStep({ kind: 'checked', result: data });
      notify(t('import.done', { count: data.created }), { type: 'success' });
      refresh();
      close();
    } catch (error) {
      fail(error);
    }
  };

  const result = step && step.kind !== 'checking' ? step.result : undefined;
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} data-testid="import-button">
        {t('import.button')}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          if (chosen) void check(chosen);
        }}
      />
      <Dialog open={!!step} onClose={close} maxWidth="md" fullWidth data-testid="import-dialog">
        <DialogTitle>{t('import.title', { name: labelIn(entity.pluralLabel, locale) })}</DialogTitle>
        <DialogContent>
          {!result && (
            <>
              <Typography>{t('import.checking')}</Typography>
              <LinearProgress sx={{ mt: 1 }} />
            </>
          )}
          {result && result.errors.length === 0 && <Typography>{t('import.ready', { count: result.created })}</Typography>}
          {result && result.errors.length > 0 && (
            <>
              <Typography sx={{ mb: 1 }}>{t('import.refused')}</Typography>
              <Table size="small" data-testid="import-errors">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('import.row')}</TableCell>
                    <TableCell>{t('import.column')}</TableCell>
                    <TableCell>{t('import.problem')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.errors.map((error, index) => (
                    <TableRow key={`${error.row}-${index}`}>
                      <TableCell>{error.row}</TableCell>
                      <TableCell>{error.column ?? error.field ?? ''}</TableCell>
                      <TableCell>{error.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          {step?.kind === 'importing' && <LinearProgress sx={{ mt: 2 }} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{t('import.cancel')}</Button>
          {result && result.errors.length === 0 && (
            <Button variant="contained" disabled={step?.kind === 'importing'} onClick={() => void run(result)} data-testid="import-confirm">
              {t('import.confirm', { count: result.created })}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
