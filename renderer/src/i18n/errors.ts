import type { ErrorInfo } from '../../../core/errors';
import { hintText } from './hint-text';
import { dateTime, money, quantity, t, tn, tryT } from './index';

interface StockItem {
  name: string;
  requested: number;
  available: number;
}

/** What is short, one "Queso (pide 5, hay 2)" per product. */
function stockItems(items: readonly StockItem[]): string {
  return items
    .map((item) =>
      t('errors.stockItem', {
        name: item.name,
        requested: quantity(item.requested),
        available: quantity(item.available),
      }),
    )
    .join('; ');
}

/** How long a PIN lock still lasts: "45 segundos", "1 minuto", "5 minutos". */
export function waitText(seconds: number): string {
  if (seconds < 60) return tn('errors.waitSeconds', Math.max(1, Math.ceil(seconds)));
  return tn('errors.waitMinutes', Math.ceil(seconds / 60));
}

/**
 * The parameters of an error's sentence: its plain details, with money
 * formatted and the country profiles' format hints (written in Spanish) in
 * the UI language.
 */
export function reasonParams(details: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if (typeof details.missing === 'number') params.missing = money(details.missing);
  // A cash limit is money; a discount limit is a percent.
  if (details.reason === 'CASH_OUT_OVER_LIMIT' && typeof details.limit === 'number')
    params.limit = money(details.limit);
  if (Array.isArray(details.items)) params.items = stockItems(details.items as StockItem[]);
  if (Array.isArray(details.required)) params.required = details.required.join(' / ');
  if (typeof params.hint === 'string') params.hint = hintText(params.hint);
  if (typeof details.retryAfterSeconds === 'number')
    params.wait = waitText(details.retryAfterSeconds);
  if (typeof details.until === 'string') params.untilTime = dateTime(details.until, 'time');
  return params;
}

/**
 * An API error as one sentence in the UI language: the code's sentence, made
 * specific by its reason or details (which product lacks stock, how much is
 * missing, which field is wrong).
 */
export function errorMessage(error: ErrorInfo): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : undefined;
  const params = {
    ...reasonParams(details),
    // Where scale labels are set up, named as the menus name it.
    scaleSettings: `${t('common.nav.settings')} › ${t('settings.nav.stock')} › ${t('settings.scale.title')}`,
  };
  if (reason) {
    const specific = tryT(`errors.reasons.${reason}`, params);
    if (specific) return specific;
  }
  let detail = error.message;
  if (error.code === 'INSUFFICIENT_STOCK' && Array.isArray(details.items)) {
    detail = stockItems(details.items as StockItem[]);
  }
  if (error.code === 'VALIDATION' && Array.isArray(details.issues)) {
    detail = (details.issues as { path: string }[]).map((i) => i.path).join(', ');
  }
  return tryT(`errors.codes.${error.code}`, { ...params, detail }) ?? error.message;
}
