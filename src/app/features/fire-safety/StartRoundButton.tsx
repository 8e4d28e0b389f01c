import { useLocation } from 'preact-iso';
import { getAppStore, type InspectionView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { errorText } from '../common/errors.ts';
import { useBusyAction } from '../common/use-busy-action.ts';

/**
 * "Start ronde": starts a brandveiligheidsronde on the pand through the normal inspection flow
 * and opens it; when a round is already open (planned, draft, reopened) it is resumed instead.
 */
export function StartRoundButton({
  pandId,
  openRound,
  label,
}: {
  pandId: string;
  openRound: InspectionView | undefined;
  /** The building, so several buttons in a list have distinct accessible names. */
  label: string;
}) {
  const { route } = useLocation();
  const { busy, failure, run } = useBusyAction();
  if (openRound)
    return (
      <ButtonLink
        href={`/inspecties/${openRound.id}`}
        variant="primary"
        aria-label={`${t('fireSafety.resumeRound')}: ${label}`}
        data-testid="resume-round"
      >
        {t('fireSafety.resumeRound')}
      </ButtonLink>
    );
  return (
    <>
      <Button
        disabled={busy}
        aria-label={`${t('fireSafety.startRound')}: ${label}`}
        data-testid="start-round"
        onClick={() =>
          void run(async () => {
            const inspection = await getAppStore().inspections.start({
              module: 'brandveiligheidsronde',
              targetLevel: 'pand',
              targetId: pandId,
            });
            route(`/inspecties/${inspection.id}`);
          })
        }
      >
        {t('fireSafety.startRound')}
      </Button>
      {failure !== undefined && (
        <Banner tone="error" title={errorText(failure).title}>
          {errorText(failure).detail}
        </Banner>
      )}
    </>
  );
}
