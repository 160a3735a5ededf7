/**
 * A served folder's answer.json (src/run/answer/schema.ts), read once per change of the file: the explorer header's
 * answer card (src/report/decision/answerCard.ts) and its Environment panel (the traffic where the answer flies,
 * `environment`, src/run/answer/environment.ts) both render from the one read.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readAnswer } from '../run/answer/read.js';
import { ANSWER_FILE, type Answer } from '../run/answer/schema.js';
import { answerCardRows, environmentLines, type CardRow } from '../report/decision/answerCard.js';

/** The panel's source (the answer file) and its lines; null without one. */
export type Environment = { readonly source: string; readonly lines: readonly string[] } | null;

const answers = new Map<string, { stamp: string; value: Answer | null }>();

/**
 * The answer in `owner`'s answer.json (a run folder, or a multi-seed folder: its run's answer), read again only when
 * the file changes (`odc screen RUN:knee` records a screen in it); null when there is none or it cannot be read as
 * odc writes it (a damaged file: the header shows neither card nor environment).
 */
export function servedAnswer(owner: string): Answer | null {
  const path = join(owner, ANSWER_FILE);
  const st = statSync(path, { throwIfNoEntry: false });
  if (st === undefined) return null;
  const stamp = `${st.size}:${st.mtimeMs}`;
  const had = answers.get(path);
  if (had?.stamp === stamp) return had.value;
  let value: Answer | null = null;
  try {
    value = readAnswer(owner);
  } catch {
    // a damaged answer.json: nothing to show
  }
  answers.set(path, { stamp, value });
  return value;
}

/** The card of a folder's answer.json; null without one (an older odc's run), or one that does not read. */
export function answerCardOf(owner: string): CardRow[] | null {
  const a = servedAnswer(owner);
  return a === null || a.design === null ? null : answerCardRows(a);
}

/** The traffic of the answer in `owner`'s answer.json; null without one. */
export function environmentOf(owner: string): Environment {
  const e = servedAnswer(owner)?.environment;
  return e === undefined ? null : { source: `${basename(owner)}/${ANSWER_FILE}`, lines: environmentLines(e) };
}
