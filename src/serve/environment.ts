/**
 * The explorer header's Environment panel: the traffic where a served run's answer flies, from answer.json
 * (`environment`, src/run/answer/environment.ts), as the answer card states it (src/report/decision/answerCard.ts).
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readAnswer } from '../run/answer/read.js';
import { ANSWER_FILE } from '../run/answer/schema.js';
import { environmentLines } from '../report/decision/answerCard.js';

/** The panel's source (the answer file) and its lines; null without one. */
export type Environment = { readonly source: string; readonly lines: readonly string[] } | null;

const environments = new Map<string, { stamp: string; value: Environment }>();

/**
 * The traffic of the answer in `owner`'s answer.json (a run folder, or a multi-seed folder: its run's answer), read
 * again only when the file changes (`odc screen RUN:knee` records a screen in it); null when there is none or it
 * cannot be read as odc writes it.
 */
export function environmentOf(owner: string): Environment {
  const path = join(owner, ANSWER_FILE);
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined) return null;
  const stamp = `${st.size}:${st.mtimeMs}`;
  const had = environments.get(path);
  if (had?.stamp === stamp) return had.value;
  let value: Environment = null;
  try {
    const e = readAnswer(owner)?.environment;
    if (e !== undefined) value = { source: `${basename(owner)}/${ANSWER_FILE}`, lines: environmentLines(e) };
  } catch {
    // a damaged answer.json: the header shows no environment
  }
  environments.set(path, { stamp, value });
  return value;
}
