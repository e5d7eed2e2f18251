import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';

export const CUSTOMER_LIMIT = 100;
const TYPE_AHEAD_MS = 200;

/** customers.search as you type: an empty text lists the first customers; the newest answer wins. */
export function useCustomerSearch() {
  const [text, setText] = useState('');
  const [items, setItems] = useState<readonly Customer[] | null>(null);
  const [version, setVersion] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    const ticket = ++asked.current;
    const timer = setTimeout(
      () =>
        void callOrToast('customers.search', { text: text.trim(), limit: CUSTOMER_LIMIT }).then(
          (found) => {
            if (found && ticket === asked.current) setItems(found);
          },
        ),
      text.trim() ? TYPE_AHEAD_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [text, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { text, setText, items, reload };
}
