import type { Command } from '../command.ts';
import { notYet } from './not-yet.ts';

/** `unitwise claims`: build and export 837P claims (stub until the claims work lands). */
export const command: Command = notYet('claims', 'build, price and export claims (X12 837P)');
