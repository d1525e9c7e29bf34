/**
 * Which files a record may hold: the server judges an upload with `judgeAttachment` (by its bytes
 * where the format has a signature, by its extension otherwise), the screens offer the same
 * extensions and refuse a file by its name and size before sending it.
 */

export interface AttachmentType {
  /** The Content-Type stored and answered for the file. */
  contentType: string;
  /**
   * What a signature sniffer may find in the bytes: one of these, or none at all for formats
   * without a signature (plain text). Office files of 2007 and later are zip containers, which a
   * sniffer reading only the start of the file names as zip.
   */
  signatures: readonly string[];
}

const ZIP = 'application/zip';
const CFB = 'application/x-cfb';
const office = (contentType: string): AttachmentType => ({ contentType, signatures: [contentType, ZIP] });

/** The formats a record accepts by default, by lower-case extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
  pdf: { contentType: 'application/pdf', signatures: ['application/pdf'] },
  png: { contentType: 'image/png', signatures: ['image/png'] },
  jpg: { contentType: 'image/jpeg', signatures: ['image/jpeg'] },
  jpeg: { contentType: 'image/jpeg', signatures: ['image/jpeg'] },
  gif: { contentType: 'image/gif', signatures: ['image/gif'] },
  webp: { contentType: 'image/webp', signatures: ['image/webp'] },
  doc: { contentType: 'application/msword', signatures: [CFB] },
  xls: { contentType: 'application/vnd.ms-excel', signatures: [CFB] },
  ppt: { contentType: 'application/vnd.ms-powerpoint', signatures: [CFB] },
  docx: office('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  xlsx: office('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  pptx: office('application/vnd.openxmlformats-officedocument.presentationml.presentation'),
  txt: { contentType: 'text/plain', signatures: [] },
  csv: { contentType: 'text/csv', signatures: [] },
  zip: { contentType: ZIP, signatures: [ZIP] },
};

/** 20 MB, the largest file accepted unless the host says otherwise. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The part of a file name after its last dot, lower case; '' without one. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size as the locale writes it, in the largest unit under which it is at least 1: `1.5 MB`, `820 kB`. */
export function formatFileSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export type AttachmentVerdict =
  | { ok: true; contentType: string }
  /** `type`: the extension is not among those allowed; `content`: the bytes are not what the name says. */
  | { ok: false; reason: 'type' | 'content'; extension: string };

/**
 * Whether a file may be attached. `sniffed` is the media type a signature sniffer found in the
 * bytes (undefined when none matched); leave it out to judge by the name alone, as the screens do.
 */
export function judgeAttachment(
  file: { fileName: string; sniffed?: string | null },
  allowed: readonly string[] = Object.keys(ATTACHMENT_TYPES),
): AttachmentVerdict {
  const extension = fileExtension(file.fileName);
  const type = allowed.includes(extension) ? ATTACHMENT_TYPES[extension] : undefined;
  if (!type) return { ok: false, reason: 'type', extension };
  if (file.sniffed === undefined) return { ok: true, contentType: type.contentType };
  const matches = file.sniffed === null ? type.signatures.length === 0 : type.signatures.includes(file.sniffed);
  return matches ? { ok: true, contentType: type.contentType } : { ok: false, reason: 'content', extension };
}

/** One file of a record as `GET /:resource/:id/attachments` lists it. */
export interface Attachment {
  id: number;
  resource: string;
  record_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  /** Who uploaded it: their record representation, null when the reader may not read that record. */
  uploaded_by: { id: number; name: string | null } | null;
  created_at: string;
  /** Whether the reader may delete it: the uploader or an administrator, while the record is writable. */
  can_delete: boolean;
}

/** `GET /:resource/:id/attachments`: the record's files, newest first, and what the reader may add. */
export interface AttachmentList {
  attachments: Attachment[];
  /** Whether the reader may upload to this record (its write scope). */
  can_upload: boolean;
  /** The largest file accepted, in bytes. */
  max_bytes: number;
  /** The extensions accepted. */
  extensions: string[];
}
