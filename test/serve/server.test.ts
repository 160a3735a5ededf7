/**
 * The odc serve API over small ZDT1 runs (library runStudy), checked against the run folder's own files read by the
 * test: the columns against evaluations.csv cell by cell, the front against pareto.json, a running run's front
 * against a brute-force dominance check, the indicators of two runs against a hand-written 2-objective hypervolume
 * and IGD+; the notes write and its refusals; Host and path checks; the exit-2 errors before listening.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/serve/compare.js';
import type { DesignView } from '../../src/serve/designData.js';
import { ServedRun, type RunInfo } from '../../src/serve/runData.js';
import { startServer, unsafePath, type RunningServer } from '../../src/serve/server.js';
import { StudyError } from '../../src/base/errors.js';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import { indicators2D, readLog, runningCopy } from './helpers.js';

let dir = '';
let runA = '';
let runB = '';
let live = '';
let server: RunningServer;

/** A GET to an address given as Node's `host` option (IPv6 without brackets); the status. */
function boundRequest(host: string, port: number, opts: RawRequest): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host, port, method: 'GET', path: opts.path, headers: opts.headers ?? {} }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = tempDir('serve-api');
  runA = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(1), { out: 'a', log: 'csv' });
  runB = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(2), { out: 'b', log: 'csv' });
  live = join(dir, 'live');
  server = await startServer({ runDirs: [runA, runB], port: 0, host: '127.0.0.1' });
});
afterAll(async () => server?.close());

const get = async <T>(path: string): Promise<T> => (await fetch(new URL(path, server.url))).json() as Promise<T>;

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function rawRequest(url: string, opts: RawRequest): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request(
      { host: u.hostname, port: u.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

describe('odc serve API', () => {
  it('describes each run: columns in log order with roles, senses and bounds', async () => {
    const runs = await get<RunInfo[]>('/api/runs');
    expect(runs.map((r) => r.kind)).toEqual(['benchmark', 'benchmark']);
    const log = readLog(runA);
    expect(runs[0]!.columns.map((c) => c.name)).toEqual(log.header);
    expect(runs[0]!.rows).toBe(log.rows.length);
    const f1 = runs[0]!.columns.find((c) => c.name === 'f1')!;
    expect(f1).toMatchObject({ role: 'objective', sense: 'minimize' });
    // ZDT1's variables lie in [0, 1] (Zitzler, Deb & Thiele 2000)
    expect(runs[0]!.columns.filter((c) => c.role === 'variable').every((c) => c.lower === 0 && c.upper === 1)).toBe(
      true,
    );
    expect(runs[0]!.status).toBe('complete');
  });

  it('serves every evaluation as Float64 columns equal to evaluations.csv, cell by cell, whatever the read chunk', async () => {
    const runs = await get<RunInfo[]>('/api/runs');
    const log = readLog(runA);
    const n = log.rows.length;
    const codes: Record<string, number> = { feasible: 0, infeasible: 1, failed: 2 };
    const expectLog = (data: Float64Array, what: string): void => {
      expect(data.length, what).toBe(n * runs[0]!.columns.length);
      runs[0]!.columns.forEach((c, k) => {
        for (let r = 0; r < n; r++) {
          const cell = log.rows[r]![k]!;
          const want = c.role === 'status' ? codes[cell]! : cell === '' ? NaN : Number(cell);
          expect(data[k * n + r], `${what}: ${c.name} row ${r}`).toBe(want);
        }
      });
    };
    expectLog(
      new Float64Array(await (await fetch(new URL('/api/runs/0/columns', server.url))).arrayBuffer()),
      'served',
    );
    // chunk ends inside rows, inside the header, and shorter than one row (the reader doubles it)
    for (const chunk of [7, 100, 4096]) {
      const b = Buffer.concat(new ServedRun(0, runA, undefined, undefined, chunk).columnsChunks());
      expectLog(new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8), `chunk ${chunk} B`);
    }
  });

  it("gives a finished run's front from pareto.json", async () => {
    const pareto = JSON.parse(readFileSync(join(runA, 'pareto.json'), 'utf8')) as { designs: { index: number }[] };
    const front = await get<{ indices: number[] }>('/api/runs/0/front');
    expect(front.indices).toEqual(pareto.designs.map((d) => d.index));
    // the count explained from run.json: the archive's size and how many near-duplicates were collapsed out of it
    const { result } = JSON.parse(readFileSync(join(runA, 'run.json'), 'utf8')) as {
      result: { archiveSize?: number; paretoSize: number };
    };
    const info = (await get<RunInfo[]>('/api/runs'))[0]!;
    expect(info.frontSource).toBe('pareto.json');
    const collapsed = (result.archiveSize ?? result.paretoSize) - result.paretoSize;
    expect(info.frontNote).toContain(
      collapsed > 0
        ? `the archive's ${result.archiveSize} non-dominated designs with ${collapsed} near-duplicates collapsed`
        : "the archive's non-dominated designs",
    );
  });

  it('shows a benchmark design with its logged values and no budget, and has no design file for it', async () => {
    const log = readLog(runA);
    const row = log.rows[7]!;
    const view = await get<DesignView>(`/api/runs/0/designs/${row[0]}`);
    expect(view.objectives['f1']).toBe(Number(row[log.header.indexOf('f1')]));
    expect(view.variables['x1']).toBe(Number(row[log.header.indexOf('x1')]));
    expect(view.sections).toEqual([]);
    expect((await fetch(new URL(`/api/runs/0/designs/${row[0]}/design.yaml`, server.url))).status).toBe(404);
    expect((await fetch(new URL('/api/runs/0/designs/999999', server.url))).status).toBe(404);
    expect((await fetch(new URL('/api/runs/7/columns', server.url))).status).toBe(404);
  });

  it('compares two runs on one normalization: hypervolume and IGD+ as written out by hand for two objectives', async () => {
    const c = await get<Comparison>('/api/compare');
    const fronts = [runA, runB].map((d) =>
      (
        JSON.parse(readFileSync(join(d, 'pareto.json'), 'utf8')) as {
          designs: { objectives: { f1: number; f2: number } }[];
        }
      ).designs.map((x) => [x.objectives.f1, x.objectives.f2] as const),
    );
    const hand = indicators2D(fronts);
    hand.runs.forEach((r, k) => {
      expect(c.runs[k]!.hypervolume).toBeCloseTo(r.hypervolume, 10);
      expect(c.runs[k]!.igdPlus).toBeCloseTo(r.igdPlus, 10);
    });
    expect(c.union.length).toBe(hand.union);
  });

  it('writes notes.json for an existing design only, from JSON of its own origin', async () => {
    const url = server.url;
    const host = new URL(url).host;
    const post = (
      body: unknown,
      headers: Record<string, string> = { 'Content-Type': 'application/json', Host: host },
    ): Promise<{ status: number; body: string }> =>
      rawRequest(url, { method: 'POST', path: '/api/runs/0/notes', headers, body: JSON.stringify(body) });
    expect((await post({ design: 3, text: 'keep this one' })).status).toBe(200);
    const file = JSON.parse(readFileSync(join(runA, 'notes.json'), 'utf8')) as {
      notes: Record<string, { text: string }>;
    };
    expect(file.notes['3']!.text).toBe('keep this one');
    expect((await post({ design: 3, text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await post({ design: 3, text: 'a', extra: 1 })).status).toBe(400);
    expect((await post({ design: 99999, text: 'a' })).status).toBe(404);
    expect((await post({ design: 3, text: 'a' }, { 'Content-Type': 'text/plain', Host: host })).status).toBe(415);
    expect(
      (
        await post(
          { design: 3, text: 'a' },
          { 'Content-Type': 'application/json', Host: host, Origin: 'http://evil.example' },
        )
      ).status,
    ).toBe(403);
    expect((await post({ design: 3, text: '' })).status).toBe(200);
    expect((JSON.parse(readFileSync(join(runA, 'notes.json'), 'utf8')) as { notes: object }).notes).toEqual({});
    const other = {
      method: 'POST',
      path: '/api/runs/0/columns',
      headers: { 'Content-Type': 'application/json', Host: host },
      body: '{}',
    };
    expect((await rawRequest(url, other)).status).toBe(405);
  });

  it('refuses foreign Host headers (DNS rebinding) and dot segments', async () => {
    expect((await rawRequest(server.url, { path: '/api/runs', headers: { Host: 'attacker.example:80' } })).status).toBe(
      403,
    );
    expect(
      (await rawRequest(server.url, { path: '/api/runs', headers: { Host: new URL(server.url).host } })).status,
    ).toBe(200);
    for (const p of [
      '/../x',
      '/a/../b',
      '/%2e%2e/x',
      '/%2E%2e/x',
      '/.%2e/x',
      '/a%2f..%2fb',
      '/a\\..\\b',
      '/./x',
      '/%00',
    ])
      expect(unsafePath(p), p).toBe(true);
    for (const p of ['/', '/explorer.js', '/api/runs/0/designs/12', '/?filter=a.b:1:2', '/api/runs/0/front?x=..'])
      expect(unsafePath(p), p).toBe(false);
  });

  it('checks the Host header on every loopback bind form, and refuses wildcard or remote binds without --allow-remote', async () => {
    for (const host of ['127.0.0.1', '127.1', '127.0.0.2', '::1', '::ffff:127.0.0.1', 'localhost']) {
      const s = await startServer({ runDirs: [runA], port: 0, host });
      try {
        expect(s.loopbackOnly, host).toBe(true);
        const port = new URL(s.url).port;
        // connect to the bound address itself; only the Host header varies
        const connect = host === 'localhost' ? '127.0.0.1' : host.replace(/^127\.1$/, '127.0.0.1');
        const at = (h: string): Promise<number> =>
          boundRequest(connect, Number(port), { path: '/api/runs', headers: { Host: h } });
        expect(await at('evil.example'), host).toBe(403);
        expect(await at(`evil.example:${port}`), host).toBe(403);
        expect(await at(`localhost:${port}`), host).toBe(200);
        expect(await at(`127.0.0.1:${port}`), host).toBe(200);
      } finally {
        await s.close();
      }
    }
    for (const host of ['', '0.0.0.0', '::']) {
      const e = await startServer({ runDirs: [runA], port: 0, host }).catch((x: unknown) => x);
      expect(e, host).toBeInstanceOf(StudyError);
      expect((e as StudyError).message).toMatch(/every interface.*--allow-remote/);
    }
    const wide = await startServer({ runDirs: [runA], port: 0, host: '0.0.0.0', allowRemote: true });
    try {
      expect(wide.loopbackOnly).toBe(false);
      expect(wide.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      await wide.close();
    }
  });

  it('answers 409 naming notes.json when it is a link, a FIFO, /dev/zero or malformed, and never reads through it', async () => {
    const notes = join(runB, 'notes.json');
    const plant: [string, () => void, RegExp][] = [
      ['a link to /etc/passwd', () => symlinkSync('/etc/passwd', notes), /is a symbolic link/],
      ['a link to valid JSON', () => symlinkSync(join(runB, 'run.json'), notes), /is a symbolic link/],
      ['a FIFO', () => execFileSync('mkfifo', [notes]), /is a pipe \(FIFO\)/],
      ['/dev/zero', () => symlinkSync('/dev/zero', notes), /is a symbolic link/],
      ['malformed JSON', () => writeFileSync(notes, '{"formatVersion": 1, "notes": '), /not valid JSON/],
    ];
    for (const [what, make, why] of plant) {
      rmSync(notes, { force: true });
      make();
      const r = await rawRequest(server.url, {
        path: '/api/runs/1/notes',
        headers: { Host: new URL(server.url).host },
      });
      expect(r.status, what).toBe(409);
      const error = (JSON.parse(r.body) as { error: string }).error;
      // named as the page names the run (its key: the folder is outside the working folder), never by machine path
      expect(error, what).toMatch(/^b\/notes\.json: /);
      expect(error, what).not.toContain(runB);
      expect(error, what).toMatch(why);
      expect(error, what).not.toMatch(/root:|"formatVersion"/); // nothing of the target is echoed
    }
    rmSync(notes, { force: true });
  });

  it('follows a running run: appended rows appear, a half-written row waits, the front is the feasible non-dominated set', async () => {
    const { rest } = runningCopy(runA, live);
    const s = await startServer({ runDirs: [live], port: 0, host: '127.0.0.1' });
    try {
      const info = async (): Promise<RunInfo> =>
        ((await (await fetch(new URL('/api/runs', s.url))).json()) as RunInfo[])[0]!;
      const log = readLog(runA);
      const half = Math.floor(readFileSync(join(runA, 'evaluations.csv'), 'utf8').split('\n').length / 2) - 1;
      const before = await info();
      expect(before.status).toBe('running');
      expect(before.rows).toBe(half);
      expect(before.frontSource).toBe('log');
      expect(before.frontNote).toMatch(/non-dominated feasible designs of the log so far/);
      // the log as text: the header and the complete rows, not the half-written one
      const text = readFileSync(join(live, 'evaluations.csv.partial'), 'utf8');
      const csv = await (await fetch(new URL('/api/runs/0/log.csv', s.url))).text();
      expect(csv).toBe(text.slice(0, text.lastIndexOf('\n') + 1));
      expect(csv.split('\n').length).toBe(half + 2);
      // the columns are sent from the run's own arrays, viewed, not copied; rows sent stay as they were sent
      const served = s.runs[0]!;
      const first = served.columnsChunks();
      served.columns.forEach((_, k) => expect(first[k]!.buffer).toBe(served.column(k).buffer));
      expect(Buffer.concat(first).length).toBe(half * served.columns.length * 8);
      const sent = Buffer.concat(first);
      appendFileSync(join(live, 'evaluations.csv.partial'), rest);
      const after = await info();
      const grown = served.columnsChunks();
      expect(Buffer.concat(grown).length).toBe(log.rows.length * served.columns.length * 8);
      expect(Buffer.concat(first).equals(sent)).toBe(true);
      expect(Buffer.concat(grown.map((c) => c.subarray(0, half * 8))).equals(sent)).toBe(true);
      expect(after.rows).toBe(log.rows.length);
      expect(after.version).not.toBe(before.version);
      // the front of the log, by brute force: feasible rows no other feasible row dominates
      const f = log.rows.map(
        (r) => [Number(r[log.header.indexOf('f1')]), Number(r[log.header.indexOf('f2')])] as const,
      );
      const ok = log.rows.map((r) => r[2] === 'feasible');
      const dominates = (q: readonly number[], p: readonly number[]): boolean =>
        q[0]! <= p[0]! && q[1]! <= p[1]! && (q[0]! < p[0]! || q[1]! < p[1]!);
      const want = log.rows
        .filter((_, i) => ok[i] && !f.some((q, j) => ok[j] && dominates(q, f[i]!)))
        .map((r) => Number(r[0]));
      const front = ((await (await fetch(new URL('/api/runs/0/front', s.url))).json()) as { indices: number[] })
        .indices;
      expect([...front].sort((a, b) => a - b)).toEqual([...new Set(want)].sort((a, b) => a - b));
      // the run finishes: the partial log is renamed, the rows stay
      renameSync(join(live, 'evaluations.csv.partial'), join(live, 'evaluations.csv'));
      expect((await info()).rows).toBe(log.rows.length);
      expect(await (await fetch(new URL('/api/runs/0/log.csv', s.url))).text()).toBe(
        readFileSync(join(runA, 'evaluations.csv'), 'utf8'),
      );
    } finally {
      await s.close();
    }
  });

  it('names a log cut mid-row, at start and on a poll, and shows the rest of the run', async () => {
    // a finished run's evaluations.csv whose last row lost its tail: the server must not wait for the rest, and it
    // names the damaged file while it shows what is whole (test/serve/damagedRun.test.ts)
    const cut = join(dir, 'cut');
    cpSync(runA, cut, { recursive: true });
    const text = readFileSync(join(cut, 'evaluations.csv'), 'utf8');
    writeFileSync(join(cut, 'evaluations.csv'), text.slice(0, text.length - 5));
    const rows = text.split('\n').length - 2; // header and final newline
    const started = await startServer({ runDirs: [cut], port: 0, host: '127.0.0.1' });
    try {
      const body = (await (await fetch(new URL('/api/runs', started.url))).json()) as { damaged: string[] }[];
      const damaged = body[0]!.damaged.join(' ');
      expect(damaged).toContain('evaluations.csv');
      expect(damaged).toMatch(new RegExp(`ends mid-row \\(row ${rows} after the header`));
    } finally {
      await started.close();
    }
    // a running run whose half-written row is renamed as the final log: the next poll answers 409 naming it
    const liveCut = join(dir, 'live-cut');
    runningCopy(runA, liveCut);
    const s = await startServer({ runDirs: [liveCut], port: 0, host: '127.0.0.1' });
    try {
      renameSync(join(liveCut, 'evaluations.csv.partial'), join(liveCut, 'evaluations.csv'));
      // the next poll names the damaged log by the path given to odc serve, and still lists the run
      const res = await fetch(new URL('/api/runs', s.url));
      expect(res.status).toBe(200);
      const damaged = ((await res.json()) as { damaged: string[] }[])[0]!.damaged.join(' ');
      expect(damaged).toContain('evaluations.csv');
      expect(damaged).toContain('ends mid-row');
    } finally {
      await s.close();
    }
  });

  it('stops before listening on a folder that is not a run, and on a port in use', async () => {
    const notRun = tempDir('serve-not-run');
    await expect(startServer({ runDirs: [notRun], port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /not a run folder \(no run\.json and study\.yaml\)/,
    );
    await expect(
      startServer({ runDirs: [join(notRun, 'missing')], port: 0, host: '127.0.0.1' }),
    ).rejects.toBeInstanceOf(StudyError);
    const port = Number(new URL(server.url).port);
    const e = await startServer({ runDirs: [runA], port, host: '127.0.0.1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StudyError);
    expect((e as StudyError).message).toMatch(new RegExp(`--port ${port}: already in use`));
  });
});
