import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/**
 * Creates the directory when missing and proves it is writable by writing a file, because
 * permission bits alone say nothing on read-only mounts, ACLs or when running as root.
 */
export function ensureWritableDir(directory: string): void {
  const probe = path.join(directory, `.write-test-${process.pid}-${randomUUID()}`);
  try {
    mkdirSync(directory, { recursive: true });
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (error) {
    throw new DataDirError(
      `De datamap ${directory} is niet schrijfbaar (the data directory is not writable): ` +
        `${codeOf(error)}; kies een andere SCHOUW_DATA_DIR of pas de rechten aan`,
    );
  }
}

export interface DirLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

/**
 * An exclusive lock file holding our pid. The embedded database may be opened by one process
 * only: two servers on one data directory would corrupt it. A lock left by a crashed process
 * (its pid no longer running) is taken over.
 */
export function lockDir(lockFile: string, what: string): DirLock {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return {
        release: () => rmSync(lockFile, { force: true }),
      };
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
        throw new DataDirError(
          `Kan ${lockFile} niet aanmaken (cannot create lock file): ${codeOf(error)}`,
        );
      }
    }
    let owner = Number.NaN;
    try {
      owner = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    } catch {
      // Removed in the meantime: try again.
    }
    if (Number.isInteger(owner) && isRunning(owner)) {
      throw new DataDirError(
        `${what} is al in gebruik door een andere Schouw-server (proces ${owner}) ` +
          `(already in use by another Schouw server, pid ${owner}); stop die eerst of kies een andere SCHOUW_DATA_DIR`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  throw new DataDirError(`Kan ${lockFile} niet vergrendelen (cannot lock)`);
}
