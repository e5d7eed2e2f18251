import { useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { errorMessage } from '../../i18n/errors';
import { useT } from '../../i18n';

/** Opening the shift from the till when none is open: the float, then selling. */
export function OpenSessionDialog({
  onOpened,
  onClose,
}: {
  onOpened(): void | Promise<void>;
  onClose(): void;
}) {
  const t = useT();
  const [float, setFloat] = useState<number | null>(0);
  const [error, setError] = useState<string | null>(null);
  async function open() {
    if (float === null) return;
    const result = await api.call('cash.open', { float });
    if (result.ok) await onOpened();
    else setError(errorMessage(result.error));
  }
  return (
    <Dialog
      title={t('till.session.open')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={float === null} onClick={() => void open()}>
            {t('till.session.open')}
          </Button>
        </>
      }
    >
      <MoneyInput
        label={t('till.session.float')}
        value={float}
        onChange={setFloat}
        autoFocus
        large
        onEnter={() => void open()}
      />
      {error && <p className="field-error">{error}</p>}
    </Dialog>
  );
}
