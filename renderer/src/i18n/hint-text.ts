import { es } from './es';
import { t, useI18n } from '.';
import type { MessageKey } from './messages';

type HintWord = keyof typeof es.customers.hintWords;
const WORDS = Object.keys(es.customers.hintWords) as HintWord[];

/**
 * The country profiles write their format hints in Spanish ("8 dígitos",
 * "ej. J-12345678-9"). In another UI language the few words they use are
 * swapped for that language's, from the messages; numbers and examples stay.
 */
export function hintText(hint: string): string {
  if (useI18n.getState().language === 'es') return hint;
  let out = hint;
  for (const word of WORDS) {
    out = out
      .split(es.customers.hintWords[word])
      .join(t(`customers.hintWords.${word}` as MessageKey));
  }
  return out;
}
