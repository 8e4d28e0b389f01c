import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, needsSignIn, session, sessionLoaded } from '../../state/session.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ensureSessionLoaded } from '../account/session-wiring.ts';
import {
  getImport,
  listImports,
  previewPortfolio,
  uploadImport,
  type ImportKind,
  type ImportRun,
  type ImportsProblem,
  type ImportsResult,
  type PortfolioPreview,
} from './imports-api.ts';

// Imports run on the server (files of gigabytes, the whole organisation's data): this screen
// uploads the file, follows the run, and shows what was imported and which rows need work.

const POLL_MS = 1000;

const kindLabels: Record<ImportKind, MessageKey> = {
  portfolio: 'imports.kind.portfolio',
  'ep-online': 'imports.kind.epOnline',
  bag: 'imports.kind.bag',
};
const kindHints: Record<ImportKind, MessageKey> = {
  portfolio: 'imports.kind.portfolio.hint',
  'ep-online': 'imports.kind.epOnline.hint',
  bag: 'imports.kind.bag.hint',
};
const kinds: readonly ImportKind[] = ['portfolio', 'ep-online', 'bag'];

function problemText(problem: ImportsProblem): string {
  switch (problem.kind) {
    case 'offline':
      return t('imports.offline');
    case 'signed-out':
      return t('imports.error.signedOut');
    case 'refused':
      // The server's sentence names the exact problem (too large, wrong kind, already running).
      return problem.message;
    case 'server-error':
      return t('imports.error.server', { status: problem.status });
  }
}

async function withToken<T>(
  run: (token: string) => Promise<ImportsResult<T>>,
): Promise<ImportsResult<T>> {
  const token = authToken();
  if (!token) return { ok: false, problem: { kind: 'signed-out' } };
  const result = await run(token);
  if (!result.ok && result.problem.kind === 'signed-out') needsSignIn();
  return result;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** The beheerder's import screen: choose, (map), upload, follow, read the report, see history. */
export function ImportsPage() {
  useEffect(() => {
    void ensureSessionLoaded();
  }, []);
  if (!sessionLoaded.value) return null;
  const current = session.value;
  let blocker: { tone: 'info' | 'warn'; text: string; testId: string } | undefined;
  if (!current || current.user.role !== 'beheerder') {
    blocker = { tone: 'info', text: t('imports.onlyBeheerder'), testId: 'imports-forbidden' };
  } else if (!online.value) {
    blocker = { tone: 'warn', text: t('imports.offline'), testId: 'imports-offline' };
  } else if (!authToken()) {
    return (
      <section class="imports-page">
        <h1>{t('imports.title')}</h1>
        <Banner
          tone="warn"
          actions={<ButtonLink href="/account">{t('account.reauth.action')}</ButtonLink>}
        >
          {t('imports.error.signedOut')}
        </Banner>
      </section>
    );
  }
  if (blocker) {
    return (
      <section class="imports-page">
        <h1>{t('imports.title')}</h1>
        <Banner tone={blocker.tone} testId={blocker.testId}>
          {blocker.text}
        </Banner>
      </section>
    );
  }
  return <Importer />;
}

type Step =
  | { name: 'choose' }
  | { name: 'mapping'; preview: PortfolioPreview; chosen: Record<string, string | null> }
  | { name: 'uploading'; loaded: number; total: number }
  | { name: 'running'; run: ImportRun }
  | { name: 'done'; run: ImportRun };

function Importer() {
  const [kind, setKind] = useState<ImportKind>('ep-online');
  const [file, setFile] = useState<File | undefined>();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [runs, setRuns] = useState<ImportRun[] | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const loadRuns = async () => {
    const result = await withToken((token) => listImports(token));
    if (result.ok) setRuns(result.value);
    else setError(problemText(result.problem));
  };
  useEffect(() => {
    void loadRuns();
  }, []);

  // Follow a running import until it is done.
  const runningId = step.name === 'running' ? step.run.id : undefined;
  useEffect(() => {
    if (!runningId) return;
    let stopped = false;
    const poll = async () => {
      if (stopped) return;
      const result = await withToken((token) => getImport(token, runningId));
      if (stopped) return;
      if (!result.ok) {
        setError(problemText(result.problem));
      } else if (result.value.status === 'running') {
        setStep({ name: 'running', run: result.value });
      } else {
        setStep({ name: 'done', run: result.value });
        void loadRuns();
        return;
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    let timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runningId]);

  const upload = async (mapping?: Record<string, string>) => {
    if (!file) return;
    setError(undefined);
    setStep({ name: 'uploading', loaded: 0, total: file.size });
    const result = await withToken((token) =>
      uploadImport(token, { kind, file, ...(mapping ? { mapping } : {}) }, (loaded, total) =>
        setStep({ name: 'uploading', loaded, total }),
      ),
    );
    if (!result.ok) {
      setError(problemText(result.problem));
      setStep({ name: 'choose' });
      return;
    }
    setStep(
      result.value.status === 'running'
        ? { name: 'running', run: result.value }
        : { name: 'done', run: result.value },
    );
    if (result.value.status !== 'running') void loadRuns();
  };

  const start = async () => {
    if (!file) {
      setError(t('imports.file.missing'));
      return;
    }
    if (kind !== 'portfolio') {
      await upload();
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await withToken((token) => previewPortfolio(token, file));
    setBusy(false);
    if (!result.ok) setError(problemText(result.problem));
    else setStep({ name: 'mapping', preview: result.value, chosen: { ...result.value.suggested } });
  };

  const reset = () => {
    setStep({ name: 'choose' });
    setFile(undefined);
    setError(undefined);
    if (fileInput.current) fileInput.current.value = '';
  };

  const showRun = async (id: string) => {
    const result = await withToken((token) => getImport(token, id));
    if (!result.ok) setError(problemText(result.problem));
    else
      setStep(
        result.value.status === 'running'
          ? { name: 'running', run: result.value }
          : { name: 'done', run: result.value },
      );
  };

  return (
    <section class="imports-page">
      <h1>{t('imports.title')}</h1>
      <p class="muted">{t('imports.intro')}</p>
      {error && (
        <Banner tone="error" testId="imports-error">
          {error}
        </Banner>
      )}

      {step.name === 'choose' && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <ChoiceGroup
            name="import-kind"
            legend={t('imports.kind.legend')}
            choices={kinds.map((value) => ({
              value,
              label: (
                <span>
                  <strong>{t(kindLabels[value])}</strong>
                  <br />
                  <span class="muted">{t(kindHints[value])}</span>
                </span>
              ),
            }))}
            value={kind}
            onChange={(value) => setKind(value as ImportKind)}
            testId="imports-kind"
          />
          <div class="field">
            <label class="field-label" for="import-file">
              {t('imports.file.label')}
            </label>
            <div class="field-hint" id="import-file-hint">
              {t(kind === 'bag' ? 'imports.file.hint.json' : 'imports.file.hint.csv')}
            </div>
            <input
              id="import-file"
              ref={fileInput}
              class="input"
              type="file"
              accept={kind === 'bag' ? '.json,.geojson,application/json' : '.csv,.zip,text/csv'}
              aria-describedby="import-file-hint"
              data-testid="imports-file"
              onChange={(event) => setFile(event.currentTarget.files?.[0])}
            />
            {file && (
              <div class="muted">
                {t('imports.file.chosen', { name: file.name, size: formatBytes(file.size) })}
              </div>
            )}
          </div>
          <Button type="submit" disabled={busy} data-testid="imports-start">
            {busy
              ? t('imports.busy')
              : kind === 'portfolio'
                ? t('imports.next.mapping')
                : t('imports.start')}
          </Button>
        </form>
      )}

      {step.name === 'mapping' && (
        <MappingStep
          preview={step.preview}
          chosen={step.chosen}
          onChange={(chosen) => setStep({ ...step, chosen })}
          onCancel={reset}
          onImport={(mapping) => void upload(mapping)}
        />
      )}

      {step.name === 'uploading' && (
        <ProgressBar
          label={t('imports.upload.label')}
          value={step.loaded}
          max={step.total}
          valueText={t('imports.upload.progress', {
            loaded: formatBytes(step.loaded),
            total: formatBytes(step.total),
          })}
          testId="imports-upload-progress"
        />
      )}

      {step.name === 'running' && <RunProgress run={step.run} />}

      {step.name === 'done' && (
        <div>
          <RunReport run={step.run} />
          <Button variant="secondary" onClick={reset} data-testid="imports-again">
            {t('imports.again')}
          </Button>
        </div>
      )}

      <h2>{t('imports.history.title')}</h2>
      {runs === undefined && <p class="muted">{t('imports.loading')}</p>}
      {runs && runs.length === 0 && <p class="muted">{t('imports.history.empty')}</p>}
      {runs && runs.length > 0 && (
        <ul class="card-list" data-testid="imports-history">
          {runs.map((run) => (
            <li key={run.id} class="card">
              <div class="card-main">
                <strong>{run.fileName}</strong> · {t(kindLabels[run.kind])} ·{' '}
                {t(`imports.status.${run.status}`)}
                <br />
                <span class="muted">
                  {formatTime(run.startedAt)} ·{' '}
                  {t('imports.history.counts', {
                    rows: run.summary.rowsRead ?? 0,
                    imported: run.summary.imported ?? 0,
                    updated: run.summary.updated ?? 0,
                    problems: (run.summary.problemCount ?? 0) + (run.summary.unmatched ?? 0),
                  })}
                </span>
              </div>
              <Button variant="secondary" onClick={() => void showRun(run.id)}>
                {t('imports.history.show')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MappingStep({
  preview,
  chosen,
  onChange,
  onCancel,
  onImport,
}: {
  preview: PortfolioPreview;
  chosen: Record<string, string | null>;
  onChange: (chosen: Record<string, string | null>) => void;
  onCancel: () => void;
  onImport: (mapping: Record<string, string>) => void;
}) {
  const missing = preview.fields.filter((field) => field.required && !chosen[field.name]);
  return (
    <form
      data-testid="imports-mapping"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (missing.length > 0) return;
        const mapping: Record<string, string> = {};
        for (const [field, column] of Object.entries(chosen)) if (column) mapping[field] = column;
        onImport(mapping);
      }}
    >
      <h2>{t('imports.mapping.title')}</h2>
      <p class="muted">{t('imports.mapping.intro')}</p>
      <table class="report">
        <thead>
          <tr>
            <th scope="col">{t('imports.mapping.field')}</th>
            <th scope="col">{t('imports.mapping.column')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.fields.map((field) => (
            <tr key={field.name}>
              <th scope="row">
                <label for={`map-${field.name}`}>
                  {field.name}
                  {field.required ? ` (${t('imports.mapping.required')})` : ''}
                </label>
              </th>
              <td>
                <select
                  id={`map-${field.name}`}
                  class="input"
                  value={chosen[field.name] ?? ''}
                  onChange={(event) =>
                    onChange({ ...chosen, [field.name]: event.currentTarget.value || null })
                  }
                >
                  <option value="">{t('imports.mapping.none')}</option>
                  {preview.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <Banner tone="warn" testId="imports-mapping-missing">
          {t('imports.mapping.missing', { fields: missing.map((field) => field.name).join(', ') })}
        </Banner>
      )}
      <div class="button-row">
        <Button type="submit" disabled={missing.length > 0} data-testid="imports-mapping-start">
          {t('imports.start')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('imports.cancel')}
        </Button>
      </div>
    </form>
  );
}

function RunProgress({ run }: { run: ImportRun }) {
  const { bytesRead, totalBytes, rowsRead } = run.summary;
  const known = typeof totalBytes === 'number' && totalBytes > 0 && bytesRead !== undefined;
  return (
    <ProgressBar
      label={t('imports.progress.label')}
      {...(known ? { value: bytesRead, max: totalBytes } : {})}
      valueText={t('imports.progress.rows', { rows: rowsRead ?? 0 })}
      testId="imports-run-progress"
    />
  );
}

function RunReport({ run }: { run: ImportRun }) {
  const summary = run.summary;
  const unit = run.kind === 'bag' ? t('imports.report.object') : t('imports.report.row');
  if (run.status === 'failed') {
    return (
      <Banner tone="error" title={t('imports.failed.title')} testId="imports-failed">
        {run.error ?? ''}
        <br />
        {t('imports.failed.nothing')}
      </Banner>
    );
  }
  const problems = run.problems ?? [];
  const listed = problems.length;
  const total = (summary.problemCount ?? 0) + (summary.unmatched ?? 0);
  return (
    <div data-testid="imports-report">
      <Banner
        tone={total > 0 ? 'warn' : 'ok'}
        title={t('imports.done.title', { file: run.fileName })}
      >
        {t('imports.done.summary', {
          rows: summary.rowsRead ?? 0,
          imported: summary.imported ?? 0,
          updated: summary.updated ?? 0,
          unchanged: summary.unchanged ?? 0,
        })}
      </Banner>
      <dl class="facts" data-testid="imports-summary">
        <div>
          <dt>{t('imports.report.rowsRead')}</dt>
          <dd>{summary.rowsRead ?? 0}</dd>
        </div>
        <div>
          <dt>{t('imports.report.imported')}</dt>
          <dd data-testid="imports-imported">{summary.imported ?? 0}</dd>
        </div>
        <div>
          <dt>{t('imports.report.updated')}</dt>
          <dd>{summary.updated ?? 0}</dd>
        </div>
        <div>
          <dt>{t('imports.report.unchanged')}</dt>
          <dd>{summary.unchanged ?? 0}</dd>
        </div>
        <div>
          <dt>{t('imports.report.unmatched')}</dt>
          <dd data-testid="imports-unmatched">{summary.unmatched ?? 0}</dd>
        </div>
        <div>
          <dt>{t('imports.report.problems')}</dt>
          <dd data-testid="imports-problem-count">{summary.problemCount ?? 0}</dd>
        </div>
        {Object.entries(summary.skipped ?? {}).map(([reason, count]) => (
          <div key={reason}>
            <dt>{t('imports.report.skipped', { reason })}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      {listed > 0 && (
        <>
          <h2>{t('imports.problems.title')}</h2>
          {total > listed && <p class="muted">{t('imports.problems.first', { listed, total })}</p>}
          <table class="report" data-testid="imports-problems">
            <thead>
              <tr>
                <th scope="col">{unit}</th>
                <th scope="col">{t('imports.problems.column')}</th>
                <th scope="col">{t('imports.problems.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={`${problem.row}-${index}`}>
                  <td>{problem.row}</td>
                  <td>{problem.column ?? '–'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
