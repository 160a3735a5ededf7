/**
 * `odc serve`: a local, read-only web app over run folders. node:http and a fixed route table: the app is three
 * responses (the page, its bundled script dist/src/serve/explorer.js and its analysis worker's
 * dist/src/serve/analysis.js, built by esbuild.config.mjs) and a
 * handful of JSON/binary endpoints over the runs given on the command line, addressed by position and evaluation
 * index. No URL path is ever turned into a file path, so nothing outside the run folders can be served; a request
 * whose raw path holds a dot segment (`..`, `%2e%2e`) or a backslash is refused with 403 before routing.
 * Safety for a local server: binds 127.0.0.1 unless told otherwise, and refuses any address that is not loopback
 * (loopback.ts: 127.0.0.0/8, ::1, IPv4-mapped, in any form) unless `allowRemote` says so in words; bound to loopback,
 * it refuses a Host header that names neither the address it listens on nor localhost (DNS rebinding); the one write
 * (POST notes) needs JSON from the page's own origin; the page's Content-Security-Policy allows no other origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { lookup } from 'node:dns/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { packageRoot } from '../base/paths.js';
import { isStudyError, StudyError } from '../base/errors.js';
import type { LpSolver } from '../optimize/lp.js';
import { servedBands } from './attainmentBands.js';
import { compareServed, parseVs } from './compare.js';
import { designFile, designView } from './designData.js';
import { designPair } from './designPair.js';
import { canonicalHost, hostHeaderKey, isLoopbackAddress, isWildcardAddress, loopbackHostKeys } from './loopback.js';
import { noteRequestSchema, readNotes, writeNote } from './notes.js';
import { PAGE_HTML } from './page.js';
import { expandRunDirs, runKeys, ServedRun, withoutPaths } from './runData.js';

export interface ServeOptions {
  readonly runDirs: readonly string[];
  /** 0: any free port (the URL says which). */
  readonly port: number;
  readonly host: string;
  /** Listen on an address other machines can reach (anything but loopback); refused without it. */
  readonly allowRemote?: boolean;
  /** Constellation runs re-evaluate designs off their front with it. */
  readonly lp?: LpSolver;
  /** The bundled app script (default: the project's dist/src/serve/explorer.js); its worker, analysis.js, beside it. */
  readonly assetPath?: string;
}

export interface RunningServer {
  readonly url: string;
  /** False when bound to an address other machines can reach (only with allowRemote). */
  readonly loopbackOnly: boolean;
  readonly runs: readonly ServedRun[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** The bundled app, dist/src/serve/explorer.js (built by `npm run build`, also when odc runs from its sources). */
export function explorerAssetPath(): string {
  const file = join(packageRoot(), 'dist', 'src', 'serve', 'explorer.js');
  // a build is a fact of the installation, not a bug: exit 2 with the fix, no stack trace
  for (const f of [file, join(dirname(file), 'analysis.js')])
    if (!existsSync(f))
      throw new StudyError('FILE_NOT_FOUND', `the explorer app is not built (${f} is missing): run npm run build`, {
        file: f,
      });
  return file;
}

/** Opens every run (a folder that is not a run stops here, exit 2) and listens. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  if (opts.runDirs.length === 0) throw new StudyError('BAD_ARGUMENT', 'odc serve needs at least one run folder');
  const runDirs = expandRunDirs(opts.runDirs);
  const keys = runKeys(runDirs);
  const runs = runDirs.map((dir, id) => new ServedRun(id, dir, opts.lp, keys[id]));
  const asset = opts.assetPath ?? explorerAssetPath();
  const script = readFileSync(asset);
  const workerScript = readFileSync(join(dirname(asset), 'analysis.js'));
  const server = createServer((req, res) => {
    handle(req, res, { runs, script, workerScript, allowedHosts }).catch((e: unknown) =>
      // a run file that is not what odc wrote (a link, a FIFO, malformed JSON): 409 naming it; anything else is a bug
      isStudyError(e)
        ? problem(res, 409, withoutPaths(e.message, runs))
        : send(res, 500, 'text/plain; charset=utf-8', `internal error: ${withoutPaths((e as Error).message, runs)}\n`),
    );
  });
  await refuseRemoteUnlessAllowed(opts);
  const port = await listen(server, opts.port, opts.host);
  const bound = (server.address() as AddressInfo).address;
  const loopbackOnly = isLoopbackAddress(bound);
  if (!loopbackOnly && opts.allowRemote !== true) {
    // the pre-check resolved the name to loopback but listen bound elsewhere: never serve it
    server.close();
    throw remoteRefused(opts.host, bound);
  }
  // bound to a loopback address, only loopback names may reach it (DNS rebinding); bound wider, the user chose who may
  const allowedHosts = loopbackOnly ? loopbackHostKeys(bound, port) : null;
  const urlHost = isWildcardAddress(opts.host) ? '127.0.0.1' : opts.host;
  const shown = urlHost.includes(':') ? `[${urlHost}]` : urlHost;
  return {
    url: `http://${shown}:${port}/`,
    loopbackOnly,
    runs,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function remoteRefused(host: string, address: string): StudyError {
  const what = isWildcardAddress(host) ? 'every interface' : `${address}, which is not loopback`;
  return new StudyError(
    'BAD_ARGUMENT',
    `--host '${host}' would listen on ${what}: anyone who can reach this machine could read the runs. ` +
      'Use 127.0.0.1 (the default), or add --allow-remote to serve other machines on purpose',
    { field: 'host' },
  );
}

/** Before listening: a wildcard, or a name or address that is not loopback, needs allowRemote. */
async function refuseRemoteUnlessAllowed(opts: ServeOptions): Promise<void> {
  if (opts.allowRemote === true) return;
  if (isWildcardAddress(opts.host)) throw remoteRefused(opts.host, opts.host);
  if (canonicalHost(opts.host) === undefined) return; // listen reports it (exit 2, field host)
  const addresses = await lookup(opts.host, { all: true }).catch(() => []);
  const outside = addresses.find((a) => !isLoopbackAddress(a.address));
  if (outside !== undefined) throw remoteRefused(opts.host, outside.address);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') {
        fail(
          new StudyError(
            'BAD_ARGUMENT',
            `--port ${port}: already in use on ${host}; choose another port, or --port 0 for any free one`,
            { field: 'port' },
          ),
        );
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EACCES') {
        const fix = 'use 127.0.0.1 or an address of this machine, and a port above 1023';
        fail(
          new StudyError('BAD_ARGUMENT', `--host ${host} --port ${port}: cannot listen there (${e.code}); ${fix}`, {
            field: 'host',
          }),
        );
      } else fail(e);
    });
    server.listen(port, host, () => ok((server.address() as AddressInfo).port));
  });
}

interface Context {
  readonly runs: readonly ServedRun[];
  readonly script: Buffer;
  readonly workerScript: Buffer;
  readonly allowedHosts: Set<string> | null;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
const problem = (res: ServerResponse, status: number, message: string): void => json(res, status, { error: message });

/** A raw request path that could climb out of anything: dot segments (plain or percent-encoded), backslashes, NUL. */
export function unsafePath(raw: string): boolean {
  const path = raw.split('?')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return (
    /(^|[/\\])\.\.?([/\\]|$)/.test(decoded) ||
    decoded.includes('\\') ||
    decoded.includes('\0') ||
    /%2e|%2f|%5c/i.test(path)
  );
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const raw = req.url ?? '/';
  if (ctx.allowedHosts !== null && !ctx.allowedHosts.has(hostHeaderKey(req.headers.host) ?? ''))
    return problem(res, 403, 'unexpected Host header');
  if (unsafePath(raw)) return problem(res, 403, 'path refused');
  const url = new URL(raw, 'http://localhost');
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return problem(res, 405, 'method not allowed');
  const path = url.pathname;
  if (method === 'POST')
    return path.match(NOTES)
      ? postNote(req, res, ctx, path)
      : problem(res, 405, 'read-only: only notes can be written');
  if (path === '/') return send(res, 200, 'text/html; charset=utf-8', PAGE_HTML, { 'Content-Security-Policy': CSP });
  if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  if (path === '/explorer.js') return send(res, 200, 'text/javascript; charset=utf-8', ctx.script);
  if (path === '/analysis.js') return send(res, 200, 'text/javascript; charset=utf-8', ctx.workerScript);
  if (path === '/api/runs') {
    for (const r of ctx.runs) r.refresh();
    return json(
      res,
      200,
      ctx.runs.map((r) => r.info()),
    );
  }
  if (path === '/api/compare') return compareResponse(res, ctx, url.searchParams);
  if (path === '/api/attainment') return json(res, 200, servedBands(ctx.runs));
  if (path === '/api/diff') return diffResponse(res, ctx, url.searchParams);
  const m = RUN_ROUTE.exec(path);
  const run = m ? ctx.runs[Number(m[1])] : undefined;
  if (!m || run === undefined) return problem(res, 404, 'not found');
  const what = m[2]!;
  if (what === 'version') return json(res, 200, { version: run.version() });
  if (what === 'columns') return columnsResponse(res, run);
  if (what === 'head') return headResponse(res, run, url.searchParams);
  if (what === 'front') return json(res, 200, { indices: Array.from(run.front()) });
  // the rows parsed so far, as the log holds them (a live run's row being written is left out)
  if (what === 'log.csv') return logCsv(res, run);
  if (what === 'notes') return json(res, 200, readNotes(run.dir));
  const index = Number(m[3]);
  if (m[4] !== undefined) {
    const text = designFile(run, index);
    if (text === undefined)
      return problem(
        res,
        404,
        run.loaded.kind === 'benchmark' ? 'a benchmark run has no design file' : `no evaluation ${index}`,
      );
    return send(res, 200, 'application/yaml; charset=utf-8', text, {
      'Content-Disposition': `attachment; filename="design-${index}.yaml"`,
    });
  }
  const view = await designView(run, index);
  return view === undefined ? problem(res, 404, `no evaluation ${index} in run ${run.id}`) : json(res, 200, view);
}

/**
 * /api/runs/<id>/columns: every column's rows, written from the run's own arrays (runData.ts columnsChunks), as one
 * little-endian Float64 body column after column.
 */
function columnsResponse(res: ServerResponse, run: ServedRun): void {
  run.refresh();
  const chunks = run.columnsChunks();
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(chunks.reduce((t, c) => t + c.length, 0)),
    'X-Columns': String(run.columns.length),
    'X-Version': run.version(),
  });
  for (const c of chunks) res.write(c);
  res.end();
}

/**
 * /api/runs/<id>/head?rows=<k>: the first k evaluations that did not fail (at most 1,000), as the columns are sent, and
 * in X-Head the counts and the whole columns' spans (valueSpan.ts): the table's first page before the columns arrive.
 */
function headResponse(res: ServerResponse, run: ServedRun, q: URLSearchParams): void {
  run.refresh();
  const head = run.head(Math.min(1000, Math.max(0, Number(q.get('rows') ?? 25) || 0)));
  return send(res, 200, 'application/octet-stream', Buffer.from(head.data.buffer), {
    'X-Columns': String(run.columns.length),
    'X-Head': JSON.stringify({ shown: head.shown, failed: head.failed, spans: head.spans }),
  });
}

/** The rows read so far as evaluations.csv holds them (a Parquet log's rows written as CSV). */
function logCsv(res: ServerResponse, run: ServedRun): void {
  return send(res, 200, 'text/csv; charset=utf-8', (run.refresh(), run.logCsv()));
}

const RUN_ROUTE =
  /^\/api\/runs\/(\d{1,4})\/(columns|head|front|version|notes|log\.csv|designs\/(\d{1,12})(\/design\.yaml)?)$/;

/** /api/compare[?vs=<ids>]: the served runs compared, side B the runs of vs (./compare.ts). */
async function compareResponse(res: ServerResponse, ctx: Context, q: URLSearchParams): Promise<void> {
  const vs = parseVs(q.get('vs'), ctx.runs);
  return typeof vs === 'string' ? problem(res, 400, vs) : json(res, 200, await compareServed(ctx.runs, vs));
}

/** /api/diff?a=<run>:<index>&b=<run>:<index>: two designs side by side (./designPair.ts). */
async function diffResponse(res: ServerResponse, ctx: Context, q: URLSearchParams): Promise<void> {
  const pair = await designPair(ctx.runs, q.get('a') ?? '', q.get('b') ?? '');
  return typeof pair === 'string' ? problem(res, 404, pair) : json(res, 200, pair);
}

const NOTES = /^\/api\/runs\/(\d{1,4})\/notes$/;

async function postNote(req: IncomingMessage, res: ServerResponse, ctx: Context, path: string): Promise<void> {
  const run = ctx.runs[Number(NOTES.exec(path)![1])];
  if (run === undefined) return problem(res, 404, 'not found');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return problem(res, 415, 'send JSON');
  const origin = req.headers.origin;
  if (origin !== undefined && origin.replace(/^https?:\/\//, '') !== req.headers.host)
    return problem(res, 403, 'cross-origin write refused');
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (e) {
    return problem(res, 400, `not JSON: ${(e as Error).message}`);
  }
  const parsed = noteRequestSchema().safeParse(body);
  if (!parsed.success) {
    const iss = parsed.error.issues[0]!;
    return problem(res, 400, `${iss.path.join('.') || 'body'}: ${iss.message}`);
  }
  run.refresh();
  if (run.rowOf(parsed.data.design) < 0)
    return problem(res, 404, `no evaluation ${parsed.data.design} in run ${run.id}`);
  try {
    return json(res, 200, writeNote(run.dir, parsed.data.design, parsed.data.text, new Date()));
  } catch (e) {
    return problem(res, 409, withoutPaths((e as Error).message, [run]));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error(`body above ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
