import { useState } from 'preact/hooks';
import { getAppStore, type BackupImportReport, type BackupTable } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { downloadTextFile, readTextFile } from '../../platform/file-download.ts';
import { markBackupMade } from '../../state/durability.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { errorText } from '../common/errors.ts';
import { todayIso } from '../common/format.ts';

const tableKeys: Record<BackupTable, MessageKey> = {
  inspections: 'backup.table.inspections',
  answers: 'backup.table.answers',
  answerHistory: 'backup.table.answerHistory',
  findings: 'backup.table.findings',
  actions: 'backup.table.actions',
  photos: 'backup.table.photos',
  photoData: 'backup.table.photoData',
  photoThumbnails: 'backup.table.photoThumbnails',
  photoAnnotations: 'backup.table.photoAnnotations',
  efgCases: 'backup.table.efgCases',
  roundSchedules: 'backup.table.roundSchedules',
  outbox: 'backup.table.outbox',
};

type Work =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'exported'; fileName: string }
  | { kind: 'importing'; fileName: string }
  | { kind: 'imported'; fileName: string; report: BackupImportReport }
  | { kind: 'failed'; error: unknown };

/** Backup to a file the inspector keeps outside the browser, and restoring one, row by row. */
export function BackupSection() {
  const [work, setWork] = useState<Work>({ kind: 'idle' });
  const busy = work.kind === 'exporting' || work.kind === 'importing';

  const exportBackup = async () => {
    setWork({ kind: 'exporting' });
    try {
      const text = await getAppStore().backup.exportBackup();
      const fileName = `schouw-backup-${todayIso()}.json`;
      downloadTextFile(fileName, text);
      markBackupMade();
      setWork({ kind: 'exported', fileName });
    } catch (error) {
      setWork({ kind: 'failed', error });
    }
  };

  const importBackup = async (file: File | undefined) => {
    if (!file) return;
    setWork({ kind: 'importing', fileName: file.name });
    try {
      const text = await readTextFile(file);
      const report = await getAppStore().backup.importBackup(text);
      setWork({ kind: 'imported', fileName: file.name, report });
    } catch (error) {
      setWork({ kind: 'failed', error });
    }
  };

  return (
    <section class="settings-section" id="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p class="muted">{t('backup.explain')}</p>
      <div class="button-row">
        <Button disabled={busy} onClick={() => void exportBackup()}>
          {t('backup.export')}
        </Button>
        <label class={busy ? 'btn btn-secondary is-disabled' : 'btn btn-secondary'}>
          {t('backup.import')}
          <input
            type="file"
            class="visually-hidden"
            accept="application/json,.json"
            disabled={busy}
            data-testid="backup-file"
            onChange={(event) => {
              const input = event.currentTarget;
              void importBackup(input.files?.[0]);
              input.value = '';
            }}
          />
        </label>
      </div>
      {work.kind === 'exporting' && (
        <ProgressBar label={t('backup.exporting')} valueText={t('backup.exporting')} />
      )}
      {work.kind === 'importing' && (
        <ProgressBar
          label={t('backup.importing')}
          valueText={t('backup.importing.file', { file: work.fileName })}
        />
      )}
      {work.kind === 'exported' && (
        <Banner tone="ok" title={t('backup.exported', { file: work.fileName })}>
          {t('backup.exported.explain')}
        </Banner>
      )}
      {work.kind === 'failed' && (
        <Banner tone="error" title={t('backup.failed')}>
          {errorText(work.error).detail}
        </Banner>
      )}
      {work.kind === 'imported' && <ImportReport fileName={work.fileName} report={work.report} />}
    </section>
  );
}

function ImportReport({ fileName, report }: { fileName: string; report: BackupImportReport }) {
  const tables = Object.keys(tableKeys) as BackupTable[];
  const imported = tables.reduce((sum, table) => sum + report.imported[table], 0);
  const problems = report.problems.length;
  return (
    <div class="import-report" data-testid="import-report">
      <Banner tone={problems > 0 ? 'warn' : 'ok'} title={t('backup.imported', { file: fileName })}>
        {t('backup.imported.summary', { imported, problems })}
      </Banner>
      <div class="table-scroll">
        <table class="report">
          <thead>
            <tr>
              <th scope="col">{t('backup.report.table')}</th>
              <th scope="col">{t('backup.report.imported')}</th>
              <th scope="col">{t('backup.report.unchanged')}</th>
              <th scope="col">{t('backup.report.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((table) => (
              <tr key={table} data-table={table}>
                <th scope="row">{t(tableKeys[table])}</th>
                <td>{report.imported[table]}</td>
                <td>{report.unchanged[table]}</td>
                <td>{report.problems.filter((problem) => problem.table === table).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems > 0 && (
        <>
          <h3>{t('backup.report.problemRows')}</h3>
          <ul class="problem-list" data-testid="import-problems">
            {report.problems.map((problem, index) => (
              <li key={index}>
                {t('backup.report.problemLine', {
                  table: t(tableKeys[problem.table]),
                  row: problem.index + 1,
                  message: problem.message,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
