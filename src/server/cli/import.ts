// Entry point of `npm run import`; the work is in import-command.ts.
import { isOperatorError, runImportCommand } from './import-command.ts';

try {
  await runImportCommand(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    progress: (line) => console.error(line),
  });
} catch (error) {
  if (!isOperatorError(error)) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Import mislukt (import failed): ${message.split('\n')[0]}`);
  process.exitCode = 1;
}
