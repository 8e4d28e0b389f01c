import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.ts';

/** The build next to the server's sources, whatever the working directory. */
const REPO_DIST = fileURLToPath(new URL('../../dist', import.meta.url));

describe('server configuration', () => {
  it('defaults to port 8080, ./data, the repository build and the embedded store', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      dataDir: path.resolve('data'),
      distDir: REPO_DIST,
      databaseUrl: undefined,
      demo: 'auto',
    });
  });

  it('reads PORT, SCHOUW_DATA_DIR, SCHOUW_DIST_DIR and DATABASE_URL', () => {
    expect(
      parseConfig({
        PORT: '18081',
        SCHOUW_DATA_DIR: '/var/lib/schouw',
        SCHOUW_DIST_DIR: '/srv/schouw/dist',
        DATABASE_URL: 'postgresql://schouw:geheim@db.example.nl:5432/schouw',
      }),
    ).toEqual({
      port: 18081,
      dataDir: '/var/lib/schouw',
      distDir: '/srv/schouw/dist',
      databaseUrl: 'postgresql://schouw:geheim@db.example.nl:5432/schouw',
      demo: 'auto',
    });
  });

  it('treats empty variables as unset, as Compose files often set them', () => {
    expect(
      parseConfig({ PORT: '', SCHOUW_DATA_DIR: ' ', SCHOUW_DIST_DIR: '', DATABASE_URL: '' }),
    ).toEqual(parseConfig({}));
    // An empty SCHOUW_DIST_DIR once meant "serve the working directory", data included.
    expect(parseConfig({ SCHOUW_DIST_DIR: '' }).distDir).toBe(REPO_DIST);
  });

  it('resolves relative directories against the working directory', () => {
    const config = parseConfig({ SCHOUW_DATA_DIR: 'var/data', SCHOUW_DIST_DIR: './build/dist' });
    expect(config.dataDir).toBe(path.join(process.cwd(), 'var', 'data'));
    expect(config.distDir).toBe(path.join(process.cwd(), 'build', 'dist'));
  });

  it('reads SCHOUW_DEMO as 0 (never), 1 (always) or unset (new embedded store only)', () => {
    expect(parseConfig({ SCHOUW_DEMO: '0' }).demo).toBe('off');
    expect(parseConfig({ SCHOUW_DEMO: '1' }).demo).toBe('on');
    expect(parseConfig({ SCHOUW_DEMO: '' }).demo).toBe('auto');
    expect(() => parseConfig({ SCHOUW_DEMO: 'ja' })).toThrow(/SCHOUW_DEMO moet 0.*of 1/);
  });

  it('accepts a Unix-socket PostgreSQL URL without a host', () => {
    expect(
      parseConfig({ DATABASE_URL: 'postgres:///schouw?host=/run/postgresql' }).databaseUrl,
    ).toBe('postgres:///schouw?host=/run/postgresql');
  });

  it.each(['abc', '80.5', '-1', '65536', '1e3', '0x50'])(
    'rejects PORT=%s in Dutch and English',
    (port) => {
      expect(() => parseConfig({ PORT: port })).toThrow(ConfigError);
      expect(() => parseConfig({ PORT: port })).toThrow(/PORT moet.*PORT must/);
    },
  );

  it.each(['mysql://root@localhost/schouw', 'localhost:5432', 'not a url'])(
    'rejects DATABASE_URL=%s',
    (url) => {
      expect(() => parseConfig({ DATABASE_URL: url })).toThrow(
        /DATABASE_URL moet.*DATABASE_URL must/,
      );
    },
  );

  it('reports every problem at once and never prints a password', () => {
    let message = '';
    try {
      parseConfig({ PORT: 'x', DATABASE_URL: 'mysql://root:supergeheim@db/schouw' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('supergeheim');
    expect(message).not.toContain('\n');
  });
});
