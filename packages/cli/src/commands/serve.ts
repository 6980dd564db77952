import type { Command } from '../command.ts';
import { notYet } from './not-yet.ts';

/** `unitwise serve`: the clinic server (stub until the server lands). */
export const command: Command = notYet('serve', 'run the clinic server (HTTP API and web app)');
