import type { Command } from '../command.ts';
import { command as audit } from './audit.ts';
import { command as claims } from './claims.ts';
import { command as remit } from './remit.ts';
import { command as serve } from './serve.ts';
import { command as units } from './units.ts';

/** Every `unitwise` sub-command by name, in the order `--help` lists them. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  units,
  audit,
  serve,
  claims,
  remit,
};
