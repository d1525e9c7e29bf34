/**
 * A record's files (`GET /<resource>/<id>/attachments`): upload by button or by dropping files on
 * the panel, each listed with an icon for its type, its size in the UI's language, who uploaded
 * it and when, a download and, where the server allows it, a delete. A file the server would
 * refuse for its name or size is refused here before it is sent, in the same words.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Alert, Box, IconButton, LinearProgress, Tooltip, Typography } from '@mui/material';
import CloudUpload from '@mui/icons-material/CloudUpload';
import CloudDownload from '@mui/icons-material/CloudDownload';
import DeleteIcon from '@mui/icons-material/Delete';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Confirm, useDataProvider, useLocale, useNotify, useRecordContext, type DataProvider, type Identifier } from 'react-admin';
import { formatFileSize, judgeAttachment, type ClientEntityModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import type { Attachment, AttachmentApi, AttachmentList } from './attachmentsApi.js';
import { FileTypeIcon } from './FileTypeIcon.js';
import { saveBlob } from './saveBlob.js';
import { formatInstant } from './TimelineItem.js';

export interface AttachmentsPanelProps {
  entity: ClientEntityModel;
}

const queryKeyOf = (resource: string, id: Identifier | undefined) => [resource, 'getAttachments', String(id)];

/** The first file the server would refuse by its name or size, as a message in the UI's language. */
function refusalOf(files: File[], list: AttachmentList, t: ReturnType<typeof useUiTranslate>, locale: string): string | null {
  for (const file of files) {
    if (!judgeAttachment({ fileName: file.name }, list.extensions).ok) {
      const extensions = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' }).format(list.extensions.map((e) => `.${e}`));
      return t('attachments.refused_type', { file: file.name, extensions });
    }
    if (file.size > list.max_bytes) {
      return t('attachments.refused_size', { file: file.name, limit: formatFileSize(list.max_bytes, locale) });
    }
  }
  return null;
}

export function AttachmentsPanel({ entity }: AttachmentsPanelProps) {
  const record = useRecordContext();
  const t = useUiTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider() as DataProvider & Partial<AttachmentApi>;
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [toDelete, setToDelete] = useState<Attachment | null>(null);
  const resource = entity.resource;
  const available = typeof dataProvider.getAttachments === 'function' && record?.id != null;

  const { data: list, error } = useQuery({
    queryKey: queryKeyOf(resource, record?.id),
    queryFn: async () => (await dataProvider.getAttachments!(resource, { id: record!.id })).data,
    enabled: available,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeyOf(resource, record?.id) });
    void queryClient.invalidateQueries({ queryKey: [resource, 'getTimeline', String(record?.id)] });
  };
  const upload = useMutation({
    mutationFn: (files: File[]) => dataProvider.uploadAttachments!(resource, { id: record!.id, files }),
    onSuccess: ({ data }) => {
      notify(t('attachments.uploaded', { smart_count: data.length }), { type: 'success' });
      refresh();
    },
    onError: (failure: Error) => setRefusal(failure.message),
  });
  const remove = useMutation({
    mutationFn: (file: Attachment) => dataProvider.deleteAttachment!({ id: file.id }),
    onSuccess: () => {
      notify(t('attachments.deleted'), { type: 'info' });
      refresh();
    },
    onError: (failure: Error) => notify(failure.message, { type: 'error' }),
    onSettled: () => setToDelete(null),
  });
  const download = async (file: Attachment) => {
    try {
      saveBlob((await dataProvider.getAttachmentContent!({ id: file.id })).data, file.file_name);
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };

  // A host's data provider without the methods, or a server keeping no files: no panel.
  if (!available || list === null) return null;
  const canUpload = list?.can_upload === true;
  const send = (files: File[]) => {
    if (!list || files.length === 0) return;
    const refused = refusalOf(files, list, t, locale);
    setRefusal(refused);
    if (!refused) upload.mutate(files);
  };
  const dropping = canUpload
    ? {
        onDragOver: (event: DragEvent) => {
          event.preventDefault();
          setDragging(true);
        },
        onDragLeave: () => setDragging(false),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          send([...event.dataTransfer.files]);
        },
      }
    : {};
  const files = list?.attachments ?? [];
  return (
    <Box
      component="section"
      aria-label={t('attachments.title')}
      data-testid="attachments-panel"
      {...dropping}
      sx={{
        mb: 3,
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderStyle: canUpload ? 'dashed' : 'solid',
        borderColor: dragging ? 'primary.main' : 'divider',
        bgcolor: dragging ? 'action.hover' : undefined,
        minWidth: 0,
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1 }}>
          {t('attachments.title')}
        </Typography>
        {canUpload && (
          <>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              data-testid="attachments-input"
              accept={list.extensions.map((e) => `.${e}`).join(',')}
              onChange={(event) => {
                send([...(event.target.files ?? [])]);
                event.target.value = '';
              }}
            />
            <Button label={t('attachments.upload')} onClick={() => input.current?.click()} disabled={upload.isPending}>
              <CloudUpload />
            </Button>
          </>
        )}
      </Box>
      {canUpload && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
          {t('attachments.hint', { limit: formatFileSize(list.max_bytes, locale) })}
        </Typography>
      )}
      {upload.isPending && (
        <Box role="status" sx={{ my: 1 }}>
          <Typography variant="caption">{t('attachments.uploading')}</Typography>
          <LinearProgress />
        </Box>
      )}
      {refusal && (
        <Alert severity="error" data-testid="attachments-refusal" onClose={() => setRefusal(null)} sx={{ my: 1 }}>
          {refusal}
        </Alert>
      )}
      {error ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('attachments.unavailable')}
        </Typography>
      ) : (
        list &&
        files.length === 0 && (
          <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
            {t('attachments.empty')}
          </Typography>
        )
      )}
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {files.map((file) => (
          <Box
            component="li"
            key={file.id}
            data-testid="attachment"
            data-id={file.id}
            sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.75, borderTop: 1, borderColor: 'divider' }}
          >
            <FileTypeIcon contentType={file.content_type} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {file.file_name}
              </Typography>
              <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                {[
                  formatFileSize(file.size, locale),
                  file.uploaded_by ? (file.uploaded_by.name ?? `#${file.uploaded_by.id}`) : t('hub.unknown_user'),
                  formatInstant(file.created_at, locale),
                ].join(' · ')}
              </Typography>
            </Box>
            <Tooltip title={t('attachments.download')}>
              <IconButton size="small" aria-label={`${t('attachments.download')} ${file.file_name}`} onClick={() => void download(file)}>
                <CloudDownload fontSize="small" />
              </IconButton>
            </Tooltip>
            {file.can_delete && (
              <Tooltip title={t('attachments.delete')}>
                <IconButton size="small" aria-label={`${t('attachments.delete')} ${file.file_name}`} onClick={() => setToDelete(file)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Box>
        ))}
      </Box>
      <Confirm
        isOpen={toDelete !== null}
        loading={remove.isPending}
        title={t('attachments.delete_title', { file: toDelete?.file_name ?? '' })}
        content={t('attachments.delete_content')}
        confirm={t('attachments.delete')}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onClose={() => setToDelete(null)}
      />
    </Box>
  );
}
