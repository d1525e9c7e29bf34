/**
 * `SALES_WEBHOOK_URL`: the standalone server posts each notification (docs/server.md, Notifications)
 * as JSON to that address — an e-mail gateway, a WeCom or DingTalk robot behind a small relay.
 * A slow or failing receiver is cut off after the timeout and logged; the request that caused the
 * notification has long been answered.
 */
import type { NotifyHook, SalesNotification } from '../router/activities/index.js';

export interface WebhookOptions {
  /** Give up on the receiver after this long (default 5 s). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export function webhookNotifier(url: string, { timeoutMs = 5_000, log = console.error }: WebhookOptions = {}): NotifyHook {
  return async (notification: SalesNotification) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(notification),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) log(`The webhook ${url} answered ${response.status} to ${notification.type}`);
    } catch (error) {
      log(`The webhook ${url} could not be reached for ${notification.type}: ${(error as Error).message}`);
    }
  };
}
