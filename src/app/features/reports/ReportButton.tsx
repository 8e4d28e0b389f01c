import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { errorText } from '../common/errors.ts';
import type { ReportRequest, ReportStatus } from './make-report.ts';

function statusText(status: ReportStatus): string {
  switch (status.step) {
    case 'collect':
      return t('report.progress.collect');
    case 'photos':
      return t('report.progress.read', { done: status.done, total: status.total });
    case 'render':
      return t('report.progress.photo', { done: status.done, total: status.total });
    case 'save':
      return t('report.progress.save');
  }
}

type Outcome = { ok: true; name: string } | { ok: false; error: unknown };

/**
 * "Rapport (PDF)": makes the report on this device (offline too) with progress for long work
 * ("Foto 12 van 200"). The PDF code loads only when pressed, keeping the first load small.
 */
export function ReportButton({ request }: { request: ReportRequest }) {
  const [status, setStatus] = useState<ReportStatus | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const busy = status !== undefined;

  const make = async () => {
    setOutcome(undefined);
    setStatus({ step: 'collect' });
    try {
      const { makeReport } = await import('./make-report.ts');
      const name = await makeReport(request, setStatus);
      setOutcome({ ok: true, name });
    } catch (error) {
      setOutcome({ ok: false, error });
    } finally {
      setStatus(undefined);
    }
  };

  const failure = outcome && !outcome.ok ? outcome.error : undefined;
  // By name: importing the class would pull the report code into this small chunk.
  const missing = failure instanceof Error && failure.name === 'ReportSubjectMissingError';
  return (
    <div data-testid="report">
      <div class="button-row">
        <Button variant="secondary" onClick={() => void make()} disabled={busy} aria-busy={busy}>
          {t('report.button')}
        </Button>
        <span class="muted" role="status" aria-live="polite" data-testid="report-status">
          {status
            ? statusText(status)
            : outcome?.ok
              ? t('report.done', { name: outcome.name })
              : ''}
        </span>
      </div>
      {failure !== undefined && (
        <Banner tone="error" title={t('report.failed')}>
          {missing ? t('report.missing') : errorText(failure).detail}
        </Banner>
      )}
    </div>
  );
}
