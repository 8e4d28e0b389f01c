import { expiredSince, isExpired, validityEnd } from '../../../shared/domain/energy-label.ts';
import { t } from '../../i18n/i18n.ts';
import { formatIsoDate, todayIso } from './format.ts';

interface LabelDates {
  registrationDate: string;
  validUntil: string;
}

/**
 * Whether a label still counts, next to its badge: an expired label always says "verlopen sinds
 * <datum>" (a list too), a valid one says "geldig tot <datum>" only where `showValid` asks.
 */
export function LabelValidity({
  label,
  showValid = false,
  today = todayIso(),
}: {
  label: LabelDates | null | undefined;
  showValid?: boolean;
  today?: string;
}) {
  if (!label) return null;
  if (isExpired(label, today))
    return (
      <strong class="label-expired" data-testid="label-expired">
        {t('label.expiredSince', { date: formatIsoDate(expiredSince(label)) })}
      </strong>
    );
  if (!showValid) return null;
  return (
    <span class="muted" data-testid="label-valid">
      {t('dwelling.labelValid', { date: formatIsoDate(validityEnd(label)) })}
    </span>
  );
}
