/** Which files a record accepts, judged by name and by the bytes' signature, and file sizes as each language writes them. */
import { describe, expect, it } from 'vitest';
import { fileExtension, formatFileSize, judgeAttachment } from '../src/index.js';

describe('judgeAttachment', () => {
  it('takes an allowed extension whose bytes carry its signature, and answers the extension’s content type', () => {
    expect(judgeAttachment({ fileName: '合同.PDF', sniffed: 'application/pdf' })).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(judgeAttachment({ fileName: 'photo.jpeg', sniffed: 'image/jpeg' })).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('takes an Office file its sniffer only knows as a zip, and an old Office file as a compound document', () => {
    expect(judgeAttachment({ fileName: 'offer.docx', sniffed: 'application/zip' })).toMatchObject({ ok: true });
    expect(judgeAttachment({ fileName: 'offer.xls', sniffed: 'application/x-cfb' })).toMatchObject({ ok: true });
    expect(
      judgeAttachment({ fileName: 'offer.docx', sniffed: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    ).toEqual({
      ok: false,
      reason: 'content',
      extension: 'docx',
    });
  });

  it('refuses bytes that are not what the name says, and text that holds a signature', () => {
    expect(judgeAttachment({ fileName: 'photo.png', sniffed: 'application/pdf' })).toEqual({
      ok: false,
      reason: 'content',
      extension: 'png',
    });
    expect(judgeAttachment({ fileName: 'scan.pdf', sniffed: null })).toEqual({ ok: false, reason: 'content', extension: 'pdf' });
    expect(judgeAttachment({ fileName: 'notes.txt', sniffed: 'image/png' })).toMatchObject({ ok: false, reason: 'content' });
    expect(judgeAttachment({ fileName: 'notes.txt', sniffed: null })).toEqual({ ok: true, contentType: 'text/plain' });
  });

  it('refuses an extension not allowed, or none; by name alone when nothing was sniffed', () => {
    expect(judgeAttachment({ fileName: 'setup.exe' })).toEqual({ ok: false, reason: 'type', extension: 'exe' });
    expect(judgeAttachment({ fileName: 'README' })).toEqual({ ok: false, reason: 'type', extension: '' });
    expect(judgeAttachment({ fileName: 'photo.png' }, ['pdf'])).toMatchObject({ ok: false, reason: 'type' });
    expect(judgeAttachment({ fileName: 'photo.png' })).toEqual({ ok: true, contentType: 'image/png' });
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('archive.tar.GZ')).toBe('gz');
  });
});

describe('formatFileSize', () => {
  it('writes the size in the largest unit under which it is at least 1, as the language writes it', () => {
    expect(formatFileSize(500, 'en')).toBe('500 bytes');
    expect(formatFileSize(500, 'zh-CN')).toBe('500字节');
    expect(formatFileSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatFileSize(20 * 1024 * 1024, 'zh-CN')).toBe('20 MB');
    expect(formatFileSize(64 * 1024, 'en')).toBe('64 kB');
  });
});
