import { useEffect, useState } from 'react';
import type { ProductHit } from '../../../../core/api/model';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { money, quantity, useT } from '../../i18n';

/**
 * Type-ahead search by name or code; ↑/↓ and Enter pick the product. The till
 * opens it with F2; the sale editor to add a product.
 */
export function SearchDialog({
  onPick,
  onClose,
}: {
  onPick(hit: ProductHit): void;
  onClose(): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<readonly ProductHit[]>([]);
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (text.trim().length < 2) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void api.call('products.search', { text, limit: 20 }).then((result) => {
        if (!live) return;
        setHits(result.ok ? result.value : []);
        setIndex(0);
      });
    }, 90);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const shown = text.trim().length < 2 ? [] : hits;
  return (
    <Dialog title={t('till.search.title')} onClose={onClose} wide>
      <input
        className="input"
        autoFocus
        placeholder={t('till.search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter' && shown[index]) onPick(shown[index]);
          else return;
          e.preventDefault();
        }}
      />
      <ul className="search-hits" role="listbox">
        {shown.map((hit, i) => (
          <li
            key={hit.id}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'active' : undefined}
            onMouseDown={() => onPick(hit)}
          >
            <span>
              <strong>{hit.name}</strong>
              <small className="muted"> · {hit.code}</small>
            </span>
            <span className="muted">
              {hit.trackStock ? t('till.search.stock', { stock: quantity(hit.stock) }) : ''}
            </span>
            <span className="num strong">{money(hit.price)}</span>
          </li>
        ))}
        {text.trim().length >= 2 && shown.length === 0 && (
          <li className="muted">{t('till.search.none')}</li>
        )}
      </ul>
    </Dialog>
  );
}
