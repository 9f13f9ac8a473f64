/** Every `clause51` command, in the order `--help` lists them. Adding a command is one line here. */
import type { Command } from '../command';
import { scoreCommand } from './score';
import { templateCommand } from './template';
import { packCommand } from './pack';
import { snapshotCommand } from './snapshot';

export const COMMANDS: readonly Command[] = [scoreCommand, templateCommand, packCommand, snapshotCommand];
