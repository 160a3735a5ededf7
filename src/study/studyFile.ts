/**
 * Reads a study file: a node study (its base design read by src/node/design/load.ts, its study sections here) or a
 * benchmark study; a design file comes back as the design it is (callers that need a study say so). Every user error
 * is a StudyError naming the file, the field and the fix.
 */
import { parseWith, type ParsedFile, type YamlInput } from '../base/yaml.js';
import { parseDesignFile } from '../node/design/load.js';
import { STUDY_SECTIONS, type NodeDesign } from '../node/design/schema.js';
import { benchmarkStudySchema, nodeStudySectionsSchema, type BenchmarkStudy, type NodeStudy } from './studySchema.js';

export type StudyFile =
  | { readonly kind: 'design'; readonly file: ParsedFile; readonly design: NodeDesign }
  | { readonly kind: 'node-study'; readonly file: ParsedFile; readonly study: NodeStudy; readonly design: NodeDesign }
  | { readonly kind: 'benchmark-study'; readonly file: ParsedFile; readonly study: BenchmarkStudy };

/** Parse and validate a design or study file (no catalog check: see `checkCatalogIds`). */
export function parseStudyFile(input: YamlInput): StudyFile {
  const loaded = parseDesignFile(input);
  const { file } = loaded;
  if (loaded.kind === 'benchmark-study') return { ...loaded, study: parseWith(benchmarkStudySchema(), file) };
  if (loaded.kind === 'design') return { ...loaded, kind: 'design' };
  const raw = file.raw as Record<string, unknown>;
  const sections = Object.fromEntries(STUDY_SECTIONS.filter((k) => k in raw).map((k) => [k, raw[k]]));
  const study = { ...loaded.design, ...parseWith(nodeStudySectionsSchema(), { ...file, raw: sections }) };
  return { kind: 'node-study', file, study, design: loaded.design };
}
