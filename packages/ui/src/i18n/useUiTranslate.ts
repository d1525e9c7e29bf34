import { useTranslate } from 'react-admin';
import { uiMessages } from './uiMessages.js';

function english(path: string): string | undefined {
  let node: unknown = uiMessages.en;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

/**
 * `t('rules.computed')` → the translated `ra_sales.rules.computed`; the library's English text
 * when the app's i18n provider lacks the key (a host with its own messages).
 */
export function useUiTranslate(): (key: string, options?: Record<string, unknown>) => string {
  const translate = useTranslate();
  return (key, options) => translate(`ra_sales.${key}`, { _: english(key) ?? key, ...options });
}
