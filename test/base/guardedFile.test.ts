/**
 * The guarded open on real files: a regular file is read whole; a symbolic link (unless followed), a folder, a FIFO
 * (mkfifo), a socket-less device (/dev/zero) and an oversized file are refused unread, each message naming the file
 * and its kind. A FIFO with no writer would block a plain open(2) for ever: that it returns at all is the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { readRegularFile, readRegularText, type FileGuard } from '../../src/base/guardedFile.js';
import { tempDir } from '../report/helpers.js';

let dir = '';
const guard: FileGuard = { what: 'notes file', maxBytes: 100, fix: 'move it away' };

function refusal(path: string, g: FileGuard = guard): StudyError {
  try {
    readRegularFile(path, g);
  } catch (e) {
    expect(e).toBeInstanceOf(StudyError);
    return e as StudyError;
  }
  throw new Error(`${path} was read`);
}

beforeAll(() => {
  dir = tempDir('guarded-file');
  writeFileSync(join(dir, 'ok.json'), '{"a":1}\n');
  writeFileSync(join(dir, 'big.json'), 'x'.repeat(101));
  writeFileSync(join(dir, 'edge.json'), 'y'.repeat(100));
  symlinkSync(join(dir, 'ok.json'), join(dir, 'link.json'));
  symlinkSync('/dev/zero', join(dir, 'zero-link.json'));
  mkdirSync(join(dir, 'folder.json'));
  execFileSync('mkfifo', [join(dir, 'fifo.json')]);
});

describe('guarded file reads', () => {
  it('reads a regular file whole, up to and including the cap', () => {
    expect(readRegularText(join(dir, 'ok.json'), guard)).toBe('{"a":1}\n');
    expect(readRegularFile(join(dir, 'edge.json'), guard).length).toBe(100);
  });

  it('refuses what is not a regular file, naming the file, its kind and the fix', () => {
    const cases: [string, string][] = [
      ['link.json', 'a symbolic link'],
      ['zero-link.json', 'a symbolic link'],
      ['folder.json', 'a folder'],
      ['fifo.json', 'a pipe (FIFO)'],
    ];
    for (const [name, kind] of cases) {
      const e = refusal(join(dir, name));
      expect(e.message, name).toBe(
        `${join(dir, name)}: is ${kind}, not a regular file: odc reads a notes file only from a regular file; move it away`,
      );
      expect(e.file).toBe(join(dir, name));
    }
    expect(refusal('/dev/zero').message).toContain('/dev/zero: is a device, not a regular file');
    expect(refusal(join(dir, 'absent.json')).code).toBe('FILE_NOT_FOUND');
  });

  it('follows a link only when asked, and then still refuses what it points at unless regular', () => {
    expect(readRegularText(join(dir, 'link.json'), { ...guard, followLinks: true })).toBe('{"a":1}\n');
    expect(refusal(join(dir, 'zero-link.json'), { ...guard, followLinks: true }).message).toContain('is a device');
  });

  it('refuses a file over the cap before reading it, with the given code when there is one', () => {
    const e = refusal(join(dir, 'big.json'));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toBe(
      `${join(dir, 'big.json')}: 101 bytes, larger than 100 bytes, the limit for a notes file; move it away`,
    );
    expect(refusal(join(dir, 'big.json'), { ...guard, code: 'BAD_RUN_DIR' }).code).toBe('BAD_RUN_DIR');
  });
});
