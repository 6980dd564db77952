import type { Command } from '../command.ts';
import { notYet } from './not-yet.ts';

/** `unitwise remit`: read and reconcile 835 remittances (stub until the remittance work lands). */
export const command: Command = notYet('remit', 'read and reconcile 835 remittances');
