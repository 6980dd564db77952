import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, repoRoot, runCli, SPAWN_TIMEOUT } from './helpers.ts';

describe('unitwise (entry)', () => {
  it('prints help listing every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['units', 'audit', 'serve', 'claims', 'remit']) expect(r.stdout).toContain(`  ${c}`);
  });

  it('prints help on stderr and exits 2 with no command', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: unitwise <command>');
  });

  it('names an unknown command', async () => {
    const r = await runCli(['audti']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'audti'");
  });

  it.each(['units', 'audit'])('%s --help prints its usage', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: unitwise ${cmd}`);
  });

  it('rejects an unknown flag with exit 2 and no stack', async () => {
    const r = await runCli(['audit', 'x.json', '--fromat', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--fromat'");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it(
    'runs as a real process through bin/unitwise.js: --version',
    () => {
      const r = spawnSync(process.execPath, [resolve(repoRoot, 'packages/cli/bin/unitwise.js'), '--version'], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    },
    SPAWN_TIMEOUT,
  );
});

describe('command registry', () => {
  it('keeps each --help summary equal to its module (units and audit; the others load the server)', async () => {
    const { COMMAND_MODULES, COMMAND_SUMMARIES } = await import('../src/commands/index.ts');
    for (const name of ['units', 'audit'] as const) {
      expect((await COMMAND_MODULES[name]()).command.summary).toBe(COMMAND_SUMMARIES[name]);
    }
  });
});
