/**
 * The `odc` executable runs its CommonJS bundle with the V8 code cache the build wrote (src/entries/cli/bin.ts): the
 * cache must be used when it belongs to the bundle, and anything else (no cache, another bundle's, damaged bytes) must
 * only cost speed, never a wrong or failed command. A dist/ missing a chunk says so and how to fix it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../../src/index.js';
import { tempDir } from '../../helpers/tmp.js';

const CLI = resolve('dist/src/entries/cli');
const copy = tempDir('odc-code-cache-');
for (const f of ['bin.js', 'odc.cjs', 'odc.cjs.cache']) copyFileSync(join(CLI, f), join(copy, f));

function version(
  dir: string,
  env: Record<string, string> = {},
): { out: string; cache: string | undefined; status: number | null } {
  // a copy of the executable finds the project's packages through NODE_PATH (CommonJS resolution)
  const r = spawnSync(process.execPath, [join(dir, 'bin.js'), '--version'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: resolve('node_modules'), ODC_CODE_CACHE_REPORT: '1', ...env },
  });
  return { out: r.stdout.trim(), cache: /odc code cache: (\w+)/.exec(r.stderr)?.[1], status: r.status };
}

describe('the code cache of the odc executable', () => {
  it('the build writes one for the bundle and one for each chunk, headed by the SHA-1 of its file, and a command uses it', () => {
    for (const file of ['odc', 'odc-run', 'odc-evaluate', 'odc-library']) {
      const cache = readFileSync(join(CLI, `${file}.cjs.cache`));
      const sha1 = createHash('sha1')
        .update(readFileSync(join(CLI, `${file}.cjs`)))
        .digest();
      expect(cache.subarray(0, 20).equals(sha1), file).toBe(true);
      // bytecode of the functions the build's warm-up ran, not a header alone
      expect(cache.length, file).toBeGreaterThan(50_000);
    }
    expect(version(CLI)).toEqual({ out: VERSION, cache: 'used', status: 0 });
    // odc evaluate runs its chunk, compiled with its own cache; odc --version loads no chunk at all
    const r = spawnSync(process.execPath, [join(CLI, 'bin.js'), 'evaluate', 'designs/ai1.yaml'], {
      encoding: 'utf8',
      env: { ...process.env, ODC_CODE_CACHE_REPORT: '1' },
    });
    expect(r.status).toBe(0);
    expect(r.stderr.match(/odc code cache.*\n/g)).toEqual([
      'odc code cache: used\n',
      'odc code cache of odc-evaluate.cjs: used\n',
    ]);
    const v = spawnSync(process.execPath, [join(CLI, 'bin.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, ODC_CODE_CACHE_REPORT: '1' },
    });
    expect(v.stderr).toBe('odc code cache: used\n');
  });

  it('the bundle is ASCII (read as latin1), and its escaped characters mean what the sources wrote', () => {
    const bytes = readFileSync(join(CLI, 'odc.cjs'));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    // strings of the sources with non-ASCII characters come out of the bundle intact (src/node/design/schema.ts
    // descriptions)
    const schema = spawnSync(process.execPath, [join(CLI, 'bin.js'), 'schema', 'design'], { encoding: 'utf8' });
    expect(schema.status).toBe(0);
    expect(schema.stdout).toContain('(1 − e^(−λT))/(λT)');
    expect(schema.stdout).toContain('middle of the 5–9 %/yr');
  });

  it('a cache for other bytes (same length), damaged V8 data or no cache: the bundle compiles as usual, same output', () => {
    const good = readFileSync(join(copy, 'odc.cjs.cache'));
    // another bundle's header: not offered to V8 at all (V8 checks only the source length)
    const other = Buffer.from(good);
    other[0] = other[0]! ^ 0xff;
    writeFileSync(join(copy, 'odc.cjs.cache'), other);
    expect(version(copy)).toEqual({ out: VERSION, cache: 'absent', status: 0 });
    // the right header over damaged V8 data: V8 rejects it
    const damaged = Buffer.from(good);
    for (let i = 20; i < damaged.length; i += 97) damaged[i] = damaged[i]! ^ 0x5a;
    writeFileSync(join(copy, 'odc.cjs.cache'), damaged);
    expect(version(copy)).toEqual({ out: VERSION, cache: 'rejected', status: 0 });
    writeFileSync(join(copy, 'odc.cjs.cache'), good.subarray(0, 7));
    expect(version(copy)).toEqual({ out: VERSION, cache: 'absent', status: 0 });
    writeFileSync(join(copy, 'odc.cjs.cache'), good);
    expect(version(copy)).toEqual({ out: VERSION, cache: 'used', status: 0 });
  });

  it("under --enable-source-maps the bundle is required through Node's loader (no code cache, stack traces mapped to TypeScript)", () => {
    expect(version(copy, { NODE_OPTIONS: '--enable-source-maps' })).toEqual({
      out: VERSION,
      cache: undefined,
      status: 0,
    });
    expect(existsSync(join(CLI, 'odc.cjs.map'))).toBe(true);
  });
});

describe('a dist/ missing a file it was built with', () => {
  it('odc run --workers 2 says which file and how to fix it, once, exit 2, no stack', () => {
    // a copy of the package's dist/ whose worker entry lacks one of its bundle chunks (a partial copy, a deleted file)
    const pkg = tempDir('odc-incomplete-dist-');
    cpSync('dist', join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), readFileSync('package.json'));
    symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'));
    const worker = readFileSync(join(pkg, 'dist/src/entries/workers/evaluation.js'), 'utf8');
    const chunk = /bundle-[A-Z0-9]+\.js/.exec(worker)![0];
    rmSync(join(pkg, 'dist/src/entries/cli', chunk));
    const r = spawnSync(
      process.execPath,
      [join(pkg, 'dist/src/entries/cli/bin.js'), 'run', resolve('designs/benchmarks/zdt1.yaml'), '--workers', '2'],
      { cwd: pkg, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('odc: '));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^odc: the build in dist\/ is incomplete \(Cannot find module '.*' imported from .*\): run npm run build$/,
    );
    expect(lines[0]).toContain(`${chunk}' imported from`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
