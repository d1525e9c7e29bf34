/** Which language a request's messages are in. */
import type { Request } from 'express';
import type { SalesModel } from '@ra-sales/schema';
import { describe, expect, it } from 'vitest';
import { requestLocale } from '../../src/router/locale.js';

const model: SalesModel = { locales: ['zh-CN', 'en'], groups: [], roles: {}, entities: {}, dashboard: [] };
const asking = (header?: string) =>
  ({ get: (name: string) => (name.toLowerCase() === 'accept-language' ? header : undefined) }) as unknown as Request;

describe('requestLocale', () => {
  it('picks the first language the model has, exactly or by language', () => {
    expect(requestLocale(asking('en-GB,zh;q=0.5'), model)).toBe('en');
    expect(requestLocale(asking('zh-TW,en;q=0.5'), model)).toBe('zh-CN');
  });

  it('answers English to a caller whose languages the model lacks (a French host)', () => {
    expect(requestLocale(asking('fr-FR,fr;q=0.9'), model)).toBe('en');
  });

  it('answers the model’s first language to a caller that names none', () => {
    expect(requestLocale(asking(undefined), model)).toBe('zh-CN');
    expect(requestLocale(asking(''), model)).toBe('zh-CN');
  });
});
