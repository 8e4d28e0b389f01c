import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../common/errors.ts';
import type { Autosave } from './use-autosave.ts';

/** Why an autosave failed, with a retry; nothing while saving works. */
export function AutosaveError({
  autosave,
}: {
  autosave: Pick<Autosave<unknown>, 'state' | 'error' | 'retry'>;
}) {
  if (autosave.state !== 'error') return null;
  const { title, detail } = errorText(autosave.error);
  return (
    <Banner
      tone="error"
      title={title}
      actions={
        <Button variant="secondary" onClick={() => void autosave.retry()}>
          {t('common.retry')}
        </Button>
      }
    >
      {detail}
    </Banner>
  );
}
