/** The parsed inputs and outputs of the import calls, as core's import modules use them. */
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';

export type ParsedInspectInput = ParsedInputOf<'import.inspect'>;
export type ParsedAnalyseInput = ParsedInputOf<'import.analyse'>;
export type ParsedCommitInput = ParsedInputOf<'import.commit'>;
export type ImportSummary = OutputOf<'import.commit'>;
export type AnalyseResult = OutputOf<'import.analyse'>;
export type InspectResult = OutputOf<'import.inspect'>;
