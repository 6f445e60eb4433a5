/** Every server migration, in order. Add a new numbered file and list it here. */
import type { Db } from '../db.js';
import * as m0001 from './0001_initial.js';

export interface Migration {
  version: number;
  up(tx: Db): Promise<void>;
}

export const migrations: readonly Migration[] = [m0001];
