import type { EnergyLabelClass } from '../../../shared/domain/energy-label.ts';
import { t } from '../../i18n/i18n.ts';

/** An energy label in its usual colour; the class is always written, colour only supports it. */
export function LabelBadge({ label }: { label: EnergyLabelClass | null | undefined }) {
  if (!label)
    return (
      <span class="energy-label label-none" title={t('label.none')}>
        {t('label.noneShort')}
      </span>
    );
  const tone = label.startsWith('A') ? 'a' : label.toLowerCase();
  return (
    <span class={`energy-label label-${tone}`} aria-label={t('label.aria', { label })}>
      {label}
    </span>
  );
}
