/**
 * notes.json beside a served run: free-text notes on designs, keyed by evaluation index. The only file `odc serve`
 * writes. A note arrives as JSON ({design, text}), is validated (an existing design, at most NOTE_MAX_CHARS of
 * text; empty text removes the note) and the whole file is written through a temporary file and a rename.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../run/atomic.js';

export const NOTES_FILE = 'notes.json';
export const NOTE_MAX_CHARS = 4000;
/** Most notes one run keeps (the file stays small enough to rewrite whole). */
export const MAX_NOTES = 10_000;

export interface NotesFile {
  readonly formatVersion: 1;
  readonly notes: Record<string, { readonly text: string; readonly updatedAt: string }>;
}

export const noteRequestSchema = z.strictObject({
  design: z.number().int().nonnegative(),
  text: z.string().max(NOTE_MAX_CHARS),
});

const notesFileSchema = z.looseObject({
  formatVersion: z.literal(1),
  notes: z.record(z.string().regex(/^\d+$/), z.looseObject({ text: z.string(), updatedAt: z.string() })),
});

/**
 * The run's notes; an absent or unreadable file reads as no notes (it is the user's, never overwritten unread: see
 * writeNote).
 */
export function readNotes(runDir: string): NotesFile {
  const path = join(runDir, NOTES_FILE);
  if (!existsSync(path)) return { formatVersion: 1, notes: {} };
  const parsed = notesFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${path}: not a notes file of odc serve (${parsed.error.issues[0]?.message ?? 'invalid'}); move it away to write notes`,
    );
  return parsed.data as NotesFile;
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
