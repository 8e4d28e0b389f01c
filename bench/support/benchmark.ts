// The shape every benchmark module in bench/ exports, so bench/run.ts can find and run it.

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** The target from the project's performance anchors, when there is one. */
  aim?: { atMost: number };
  /** How the number was obtained (runs, median, compression level...). */
  note?: string;
}

export interface Benchmark {
  /** One line: what is measured. */
  title: string;
  run(): Promise<Measurement[]>;
}
