// Entry point of `npm run admin`; the work is in admin-command.ts.
import { text } from 'node:stream/consumers';
import { ConfigError } from '../config.ts';
import { DataDirError } from '../data-dir.ts';
import { AdminError, runAdminCommand } from './admin-command.ts';

try {
  await runAdminCommand(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    readStdin: () => text(process.stdin),
  });
} catch (error) {
  const operator =
    error instanceof AdminError ||
    error instanceof ConfigError ||
    error instanceof DataDirError ||
    (error instanceof Error && error.message.startsWith('Organisatie '));
  if (!operator) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Beheer mislukt (admin command failed): ${message}`);
  process.exitCode = 1;
}
