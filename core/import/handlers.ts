/**
 * The import, export and file-transfer calls (shared/api/import.ts, export.ts, files.ts).
 * Placeholder answers until the engine lands: the contract is in place for the UI.
 */
import { ApiFailure } from '../../shared/api/errors.js';
import type { HandlerGroup } from '../host/handler-types.js';

type ImportMethods =
  | 'import.inspect'
  | 'import.analyse'
  | 'import.commit'
  | 'import.mappings.list'
  | 'import.mappings.save'
  | 'import.mappings.delete'
  | 'export.list'
  | 'files.upload'
  | 'files.download'
  | 'trainees.merge';

const notYet = (): never => {
  throw new ApiFailure({ code: 'unavailable', message: 'Import and export are not available in this build yet' });
};

export const importHandlers: HandlerGroup<ImportMethods> = {
  'import.inspect': notYet,
  'import.analyse': notYet,
  'import.commit': notYet,
  'import.mappings.list': notYet,
  'import.mappings.save': notYet,
  'import.mappings.delete': notYet,
  'export.list': notYet,
  'files.upload': notYet,
  'files.download': notYet,
  'trainees.merge': notYet,
};
