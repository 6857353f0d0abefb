import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/command-list.ts';
import { workbenchInProcess } from './run-workbench.ts';

// `-h`/`--help` is answered once, by the entry point, for every command.
describe('workbench <command> --help', () => {
  it('prints each command’s own usage and exits 0, wherever the flag stands', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const command = await COMMANDS[name].load();
      const args = command.subcommands ? ['-h'] : ['--json', '-h'];
      const run = await workbenchInProcess(name, ...args);
      expect(run.code, name).toBe(0);
      expect(run.stderr, name).toBe('');
      expect(run.stdout, name).toBe(`${command.usage}\n`);
    }
  });

  it('gives a subcommand’s usage, not its group’s', async () => {
    const group = await workbenchInProcess('features', '--help');
    const join = await workbenchInProcess('features', 'join', '--help');
    expect(group.stdout).toMatch(/^Usage: workbench features <subcommand>/);
    expect(join.code).toBe(0);
    expect(join.stdout).toMatch(/^Usage: workbench features join/);
  });

  it('names the subcommands a group has when given none or an unknown one', async () => {
    const none = await workbenchInProcess('data');
    expect(none.code).toBe(2);
    expect(none.stdout).toMatch(/^Usage: workbench data <subcommand>/);
    const unknown = await workbenchInProcess('data', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown subcommand "frobnicate"\. Use one of: export, import\./);
  });

  it('reads -h after -- as an argument, not a request for help', async () => {
    const run = await workbenchInProcess('profile', '--', '-h');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/-h/);
  });
});
