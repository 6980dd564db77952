import type { Command } from '../command.ts';

type Loader = () => Promise<{ command: Command }>;

/** Each command's module, loaded only when it runs: `unitwise units` never pays for (or breaks on) the server. */
export const COMMAND_MODULES = {
  units: () => import('./units.ts'),
  audit: () => import('./audit.ts'),
  serve: () => import('./serve.ts'),
  claims: () => import('./claims.ts'),
  remit: () => import('./remit.ts'),
  backup: () => import('./backup.ts'),
  restore: () => import('./restore.ts'),
  verify: () => import('./verify.ts'),
} as const satisfies Record<string, Loader>;

/** One-line summaries for `unitwise --help`; a test keeps each equal to its module's own `summary`. */
export const COMMAND_SUMMARIES: Record<keyof typeof COMMAND_MODULES, string> = {
  units: 'compute units from CODE=MINUTES by a payer method, with the explanation',
  audit: 'audit a case file (.json, .jsonl, .csv, - for stdin): units, findings, estimates',
  serve: 'run the clinic server (HTTP API and web app) with a demo clinic on first run',
  claims: 'check an 837P file, or export claims from a case file as an 837P',
  remit: 'read an 835 remittance: payments, adjustments in plain words, balancing checks',
  backup: 'copy a SQLite database while the server runs (PostgreSQL: pg_dump)',
  restore: 'bring a backup into an empty SQLite database (PostgreSQL: pg_restore)',
  verify: "check signed notes' content hashes and the audit log's hash chain (the tamper check)",
};

function lazy(summary: string, load: Loader): Command {
  return {
    summary,
    async run(argv, io) {
      return (await load()).command.run(argv, io);
    },
  };
}

/** Every `unitwise` sub-command by name, in the order `--help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = Object.fromEntries(
  (Object.keys(COMMAND_MODULES) as (keyof typeof COMMAND_MODULES)[]).map((name) => [
    name,
    lazy(COMMAND_SUMMARIES[name], COMMAND_MODULES[name]),
  ]),
);
