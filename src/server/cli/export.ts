// Entry point of `npm run export`; the work is in export-command.ts.
import { isExportOperatorError, runExportCommand } from './export-command.ts';

try {
  await runExportCommand(process.argv.slice(2), process.env, {
    write: (chunk) =>
      new Promise((resolve, reject) => {
        process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
      }),
    progress: (line) => console.error(line),
  });
} catch (error) {
  if (!isExportOperatorError(error)) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Export mislukt (export failed): ${message.split('\n')[0]}`);
  process.exitCode = 1;
}
