import type { Request } from 'express';
import type { SalesModel } from '@ra-sales/schema';

/** The model locale best matching `Accept-Language`, else the model's first locale. */
export function requestLocale(req: Request, model: SalesModel): string {
  const header = req.get('accept-language') ?? '';
  const wanted = header
    .split(',')
    .map((part) => part.split(';')[0].trim().toLowerCase())
    .filter(Boolean);
  for (const tag of wanted) {
    const exact = model.locales.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const sameLanguage = model.locales.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (sameLanguage) return sameLanguage;
  }
  return model.locales[0] ?? 'en';
}

const PHRASES: Record<string, Record<string, string>> = {
  en: {
    requiredToLeave: 'required to leave {stage}',
    invalidToLeave: '{message} to leave {stage}',
    requiredToEnter: 'required to enter {stage}',
    invalidToEnter: '{message} to enter {stage}',
    cannotMove: 'Cannot move to {stage}: {missing}',
  },
  'zh-CN': {
    requiredToLeave: '离开「{stage}」前必须填写',
    invalidToLeave: '离开「{stage}」前需满足：{message}',
    requiredToEnter: '进入「{stage}」前必须填写',
    invalidToEnter: '进入「{stage}」前需满足：{message}',
    cannotMove: '无法推进到「{stage}」：{missing}',
  },
};

export function phrase(locale: string, key: string, values: Record<string, string>): string {
  const template = PHRASES[locale]?.[key] ?? PHRASES[locale.split('-')[0]]?.[key] ?? PHRASES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
