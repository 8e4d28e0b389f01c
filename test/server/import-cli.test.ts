import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './store-fixtures.ts';

// End to end: the command as an operator runs it, against a fresh embedded store.
const root = path.join(import.meta.dirname, '../..');
const fixture = (name: string) => path.join(root, 'test/fixtures', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runImport(args: readonly string[], dataDir: string): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, SCHOUW_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/cli/import.ts', ...args],
      { cwd: root, env, timeout: 200_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('npm run import', () => {
  it('imports a portfolio, EP-online labels and BAG facts into the demo organisation and prints a summary', async () => {
    const dataDir = makeTempDir('import-cli');
    const portfolio = await runImport(
      ['portfolio', fixture('portfolio-sample.csv'), '--org', 'demo-woonstichting'],
      dataDir,
    );
    expect(portfolio.stderr).toContain('Importeren in Demo Woonstichting');
    expect(portfolio.code).toBe(0);
    // The demo organisation is seeded from this same sample, so nothing changes.
    expect(portfolio.stdout).toContain('Import portfolio: 242 regels gelezen');
    expect(portfolio.stdout).toContain('ongewijzigd (unchanged): 242');

    const labels = await runImport(['ep-online', fixture('ep-online-v2-sample.csv')], dataDir);
    expect(labels.code).toBe(0);
    expect(labels.stdout).toContain('nieuw (imported): 249');
    expect(labels.stdout).toContain('status Vergunningsaanvraag: 1');
    expect(labels.stdout).toContain('problemen (problems): 0');
    expect(labels.stderr).toContain('251 regels gelezen (rows read)');

    const bag = await runImport(['bag', fixture('bag/pand.json')], dataDir);
    expect(bag.code).toBe(0);
    expect(bag.stdout).toContain('Import bag: 3 regels gelezen');
    expect(bag.stdout).toContain('bijgewerkt (updated): 2');
    expect(bag.stdout).toContain('niet gevonden (unmatched): 1');
    expect(bag.stdout).toContain('object 3: Pand 0599100000000599 staat niet in de portefeuille');
    // Each run starts a Node process and opens the embedded database: slow on a busy machine.
  }, 600_000);

  it('stops with a one-line message and a non-zero exit code on fatal errors', async () => {
    const dataDir = makeTempDir('import-cli-fail');
    const usage = await runImport(['labels', 'x.csv'], dataDir);
    expect(usage.code).toBe(1);
    expect(usage.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Import mislukt \(import failed\): Gebruik \(usage\)/),
    ]);

    const missing = await runImport(['ep-online', path.join(dataDir, 'nope.csv')], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n').at(-1)).toMatch(
      /^Import mislukt \(import failed\): Bestand niet gevonden \(file not found\)/,
    );
    expect(missing.stdout).toBe('');
  }, 420_000);
});
