// Types of bench/run.mjs for the smoke test (test/unit/bench-smoke.test.ts).
export interface BenchRow {
  id: string;
  group: string;
  label: string;
  size?: number | string;
  status: 'ok' | 'not available' | 'failed' | 'skipped';
  unit?: 'ms' | 'B' | 'x';
  median?: number;
  min?: number;
  max?: number;
  n?: number;
  samples?: number[];
  ratio?: { value: number; of: string };
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchOptions {
  repo: string;
  workDir: string;
  toolsDir: string;
  out: string | undefined;
  seed: number;
  asOf: string;
  sizes: number[];
  runs: number;
  timedDocuments: number;
  targetSize: number;
  incrementalSizes: number[];
  edits: number;
  diffSize: number;
  diffShare: number;
  historyDocuments: number;
  historyWeeks: number;
  peers: boolean;
  remarkRuns: Record<number, number>;
  markdownlintRuns: Record<number, number>;
  extraStagesUpTo: number;
  warmupUpTo: number;
  warmupDocuments: number;
  package: boolean;
  build: boolean;
  extension: boolean;
  activationRuns: number;
  samples: boolean;
  samplesRuns: number;
  editor: boolean;
  editorSize: number;
  editorRuns: number;
  editorEdits: number;
  log: (message: string) => void;
}

export const DEFAULTS: BenchOptions;
export const TARGETS: Record<string, number>;
export interface BenchResults {
  version: 1;
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string; loadAverage: number[]; loadAverageAtEnd: number[] };
  elapsedSeconds: number;
  workloads: { size: number; documents: number; broken: number; brokenKinds: Record<string, number>; dir: string }[];
  targets: { id: string; size?: number | string; target?: string; met: boolean }[];
  rows: BenchRow[];
  [key: string]: unknown;
}

export function runBench(overrides?: Partial<BenchOptions>): Promise<{ rows: BenchRow[]; results: BenchResults }>;
