/**
 * notes.json beside a served run: free-text notes on designs, keyed by evaluation index. The only file `odc serve`
 * writes. A note arrives as JSON ({design, text}), is validated (an existing design, at most NOTE_MAX_CHARS of
 * text; empty text removes the note) and the whole file is written through a temporary file and a rename.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { StudyError } from '../base/errors.js';
import { lazy } from '../base/lazy.js';
import { readRegularText } from '../base/guardedFile.js';
import { writeFileAtomic } from '../run/atomic.js';

export const NOTES_FILE = 'notes.json';
export const NOTE_MAX_CHARS = 4000;
/** Most notes one run keeps (the file stays small enough to rewrite whole). */
export const MAX_NOTES = 10_000;
/** Largest notes.json read [bytes]: MAX_NOTES notes of NOTE_MAX_CHARS characters, 4 bytes each at worst. */
const MAX_NOTES_BYTES = MAX_NOTES * (NOTE_MAX_CHARS * 4 + 200);

export const noteRequestSchema = lazy(() =>
  z.strictObject({ design: z.number().int().nonnegative(), text: z.string().max(NOTE_MAX_CHARS) }),
);

/** notes.json: each note by its design's evaluation index. */
const notesFileSchema = lazy(() =>
  z.looseObject({
    formatVersion: z.literal(1),
    notes: z.record(z.string().regex(/^\d+$/), z.looseObject({ text: z.string(), updatedAt: z.string() })),
  }),
);
export type NotesFile = z.output<ReturnType<typeof notesFileSchema>>;

const MOVE_AWAY = 'move it away to write notes';

/**
 * The run's notes; an absent file reads as no notes. A file that is there but is not a regular notes file of odc serve
 * (a link, a FIFO, a device, malformed JSON) is a StudyError naming it (the server answers 409), and is never
 * overwritten unread (see writeNote).
 */
export function readNotes(runDir: string): NotesFile {
  const path = join(runDir, NOTES_FILE);
  if (!present(path)) return { formatVersion: 1, notes: {} };
  const text = readRegularText(path, {
    what: 'notes file',
    maxBytes: MAX_NOTES_BYTES,
    code: 'BAD_RUN_DIR',
    fix: MOVE_AWAY,
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 120);
    throw new StudyError('BAD_RUN_DIR', `${path}: not valid JSON (${why}); ${MOVE_AWAY}`, { file: path });
  }
  const parsed = notesFileSchema().safeParse(raw);
  if (!parsed.success)
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: not a notes file of odc serve (${parsed.error.issues[0]?.message ?? 'invalid'}); ${MOVE_AWAY}`,
      { file: path },
    );
  return parsed.data;
}

/** True when something (even a dangling link) is at `path`. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Sets (or, with empty text, removes) the note of `design`; returns the file as written. */
export function writeNote(runDir: string, design: number, text: string, now: Date): NotesFile {
  const current = readNotes(runDir);
  const notes = { ...current.notes };
  if (text.trim() === '') delete notes[String(design)];
  else notes[String(design)] = { text, updatedAt: now.toISOString() };
  if (Object.keys(notes).length > MAX_NOTES) throw new Error(`at most ${MAX_NOTES} notes per run`);
  const file: NotesFile = { formatVersion: 1, notes };
  writeFileAtomic(join(runDir, NOTES_FILE), `${JSON.stringify(file, null, 2)}\n`);
  return file;
}
