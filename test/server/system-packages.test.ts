// scripts/system-packages.sh (npm test's pretest hook and .ci/run): nothing to do when the
// packages are present; without root or apt-get it stops at once with the exact command.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './store-fixtures.ts';

const script = path.join(import.meta.dirname, '../../scripts/system-packages.sh');

/** A PATH of only the shell tools the script uses: chromium and nginx are not on it. */
function barePath(extra: Record<string, string> = {}): string {
  const dir = makeTempDir('bare-path');
  chmodSync(path.dirname(dir), 0o755);
  chmodSync(dir, 0o755);
  for (const tool of ['bash', 'ls', 'id', 'env']) {
    const found = ['/usr/bin', '/bin'].map((bin) => path.join(bin, tool)).find(existsSync);
    if (!found) throw new Error(`${tool} not found`);
    symlinkSync(found, path.join(dir, tool));
  }
  for (const [name, body] of Object.entries(extra)) {
    writeFileSync(path.join(dir, name), body, { mode: 0o755 });
  }
  return dir;
}

function run(pathDir: string | undefined, asNobody = false) {
  const env = pathDir === undefined ? { ...process.env } : { PATH: pathDir };
  // Absolute paths: the child's PATH may be the bare one.
  const command = asNobody
    ? ['/usr/sbin/runuser', '-u', 'nobody', '--', '/bin/bash', script]
    : ['/bin/bash', script];
  const [file = '/bin/bash', ...args] = command;
  return spawnSync(file, args, { env, encoding: 'utf8', timeout: 60_000 });
}

describe('scripts/system-packages.sh', () => {
  it('says the packages are present and installs nothing on a prepared machine', () => {
    const result = run(undefined);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^system-packages: present \(chromium, postgresql, nginx/);
  });

  it('stops with the exact apt-get command when apt-get is not there', () => {
    const result = run(barePath());
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/missing: chromium/);
    expect(result.stderr).toMatch(
      /sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium/,
    );
  });

  it.runIf(process.getuid?.() === 0)('stops without calling apt-get when not run as root', () => {
    const marker = path.join(makeTempDir('apt-marker'), 'called');
    chmodSync(path.dirname(marker), 0o777);
    const dir = barePath({ 'apt-get': `#!/bin/sh\necho called > ${marker}\n` });
    const result = run(dir, true);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sudo apt-get install -y --no-install-recommends chromium/);
    expect(existsSync(marker)).toBe(false);
  });
});
