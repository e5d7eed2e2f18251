import { useState } from 'react';
import type { Category } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { reasonText } from '../../api/field-errors';

const NEW = 'new';

export interface CategoryPickerProps {
  readonly categories: readonly Category[];
  readonly value: number | null;
  onChange(id: number | null): void;
  /** Called with the category just created, so the list can refresh. */
  onCreated(category: Category): void;
  readonly error?: string | null;
}

/** A product's category, with "new category…" to add one without leaving the form. */
export function CategoryPicker({
  categories,
  value,
  onChange,
  onCreated,
  error,
}: CategoryPickerProps) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      const created = await call('categories.create', { name });
      onCreated(created);
      onChange(created.id);
      setAdding(false);
      setName('');
      setProblem(null);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setProblem(reasonText(e.info, 'products'));
    } finally {
      setBusy(false);
    }
  }

  if (adding) {
    return (
      <div className="category-new">
        <TextField
          label={t('products.form.newCategory')}
          value={name}
          autoFocus
          error={problem}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void create();
            }
            if (e.key === 'Escape') {
              e.stopPropagation();
              setAdding(false);
            }
          }}
        />
        <div className="row">
          <Button variant="primary" disabled={busy} onClick={() => void create()}>
            {t('products.form.addCategory')}
          </Button>
          <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
        </div>
      </div>
    );
  }

  return (
    <SelectField
      label={t('products.fields.category')}
      value={value === null ? '' : String(value)}
      error={error}
      onChange={(e) => {
        if (e.target.value === NEW) setAdding(true);
        else onChange(e.target.value === '' ? null : Number(e.target.value));
      }}
    >
      <option value="">{t('products.form.noCategory')}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
      <option value={NEW}>{t('products.form.newCategoryOption')}</option>
    </SelectField>
  );
}
