/**
 * Reading answer.json (./schema.ts) back: the file validated against its schema, or null when the folder has none (a
 * run of an older odc, or a multi-seed folder written before answers were): the caller says how to make one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, validatedJson } from '../schemas.js';
import { ANSWER_FILE, answerSchema, type Answer } from './schema.js';

const FIX = 'run `odc report <run folder>` to write it again';

/** The folder's answer record, or null when it has none. */
export function readAnswer(dir: string): Answer | null {
  const path = join(dir, ANSWER_FILE);
  if (!existsSync(path)) return null;
  return validatedJson(answerSchema(), readJsonFile(path, 'BAD_RUN_DIR', FIX), path, 'BAD_RUN_DIR', FIX) as Answer;
}
