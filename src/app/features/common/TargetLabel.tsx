import type { TargetLevel } from '../../../shared/domain/module.ts';
import { t } from '../../i18n/i18n.ts';
import { describeTarget } from './target.ts';
import { usePromise } from './use-promise.ts';

/** The address or name of an inspection's target, read when shown. */
export function TargetLabel({
  level,
  id,
  link = true,
}: {
  level: TargetLevel;
  id: string;
  link?: boolean;
}) {
  const target = usePromise(() => describeTarget(level, id), [level, id]);
  if (target.status === 'loading') return <span class="muted">{t('common.loading')}</span>;
  if (target.status === 'error' || !target.value)
    return <span class="muted">{t('common.notOnDevice')}</span>;
  const { title, context, href } = target.value;
  return (
    <span class="target-label">
      {link ? <a href={href}>{title}</a> : <strong>{title}</strong>}
      {context && <span class="muted"> · {context}</span>}
    </span>
  );
}
