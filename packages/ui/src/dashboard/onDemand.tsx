/** The dashboard as the main entry exports it: loaded when first shown (its charts and cards are their own chunk). */
import { onDemand } from '../lazy/onDemand.js';
import type { SalesDashboardProps } from './SalesDashboard.js';

export type { SalesDashboardProps };
export const SalesDashboard = onDemand<SalesDashboardProps>('SalesDashboard', () =>
  import('./SalesDashboard.js').then((m) => m.SalesDashboard),
);
