// Runs every benchmark module in bench/ (each *.ts file here but this one, exporting
// `benchmark: Benchmark`), or only those named: `npm run bench -- first-load`.
// Prints the numbers next to their aims and writes them to bench/out/<name>.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, Measurement } from './support/benchmark.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => basename(file, '.ts'))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

function format(measurement: Measurement): string {
  const value = Number.isInteger(measurement.value)
    ? String(measurement.value)
    : measurement.value.toFixed(1);
  const aim = measurement.aim
    ? `  aim <= ${measurement.aim.atMost} ${measurement.unit}: ${measurement.value <= measurement.aim.atMost ? 'met' : 'MISSED'}`
    : '';
  const note = measurement.note ? `  (${measurement.note})` : '';
  return `  ${measurement.name.padEnd(52)} ${value.padStart(9)} ${measurement.unit}${aim}${note}`;
}

const outDir = join(benchDir, 'out');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const module = (await import(pathToFileURL(join(benchDir, `${name}.ts`)).href)) as {
    benchmark?: Benchmark;
  };
  if (!module.benchmark) {
    console.error(`bench/${name}.ts does not export \`benchmark\``);
    failed = true;
    continue;
  }
  console.log(`\n${name}: ${module.benchmark.title}`);
  try {
    const measurements = await module.benchmark.run();
    for (const measurement of measurements) console.log(format(measurement));
    writeFileSync(
      join(outDir, `${name}.json`),
      JSON.stringify({ at: new Date().toISOString(), measurements }, null, 2),
    );
  } catch (error) {
    console.error(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
