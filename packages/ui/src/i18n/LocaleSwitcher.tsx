import { LocalesMenuButton } from 'react-admin';
import { SALES_LANGUAGES } from './provider.js';

/** 中文 / English, for an app bar's toolbar. */
export const SalesLocaleSwitcher = () => <LocalesMenuButton languages={SALES_LANGUAGES} />;
