// Process wiring: environment -> config, start, signals -> graceful stop, exit codes.
// Everything testable lives in app.ts and server.ts.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, parseConfig } from './config.ts';
import { StartupError, startServer, type RunningServer } from './server.ts';

const PackageSchema = z.object({ version: z.string() });
const version = PackageSchema.parse(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')),
).version;

function fail(message: string): never {
  console.error(`Schouw kan niet starten (cannot start): ${message}`);
  process.exit(1);
}

// Signals are handled from the very first moment: a stop requested during start-up waits
// until migrations and seeding are done, then closes normally (never half a migration).
let running: RunningServer | undefined;
let stopRequested: NodeJS.Signals | undefined;

async function stop(): Promise<void> {
  try {
    await running?.close();
  } catch (error) {
    console.error(
      `Afsluiten mislukt (shutdown failed): ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  console.log('Schouw is gestopt (stopped).');
  process.exit(0);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopRequested) {
    console.error(`${signal} tijdens afsluiten: direct gestopt (forced exit)`);
    process.exit(1);
  }
  stopRequested = signal;
  console.log(`${signal} ontvangen, Schouw sluit af (shutting down)…`);
  if (running) void stop();
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  running = await startServer({ config: parseConfig(process.env), version });
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartupError) fail(error.message);
  // Not an operator mistake but a bug or a broken database: keep the stack for diagnosis.
  console.error(error);
  fail(error instanceof Error ? error.message : String(error));
}
if (stopRequested) await stop();
