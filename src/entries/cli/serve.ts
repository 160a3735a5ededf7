/**
 * `odc serve <run-dir>... [--port N] [--host H] [--open]`: the explorer over run folders (src/serve/). Prints the
 * URL as the first line on stdout, then serves until Ctrl-C or SIGTERM. A folder that is not a run, or a port in
 * use, stops it before it listens (exit 2). The server, the LP solver and node:child_process are imported when the
 * command runs, not at every start of odc.
 */
import { InvalidArgumentError, type Command } from 'commander';

export const DEFAULT_SERVE_PORT = 8737;

const portArg = (v: string): number => {
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`--port must be a whole number from 0 to 65535 (0: any free port), got "${v}"`);
  return n;
};

/** Opens the URL in the desktop's browser when asked (best effort: a machine without one just has the printed URL). */
async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(cmd, [url], { stdio: 'ignore', detached: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    // no browser to open: the URL is printed
  }
}

export function addServeCommand(program: Command, io: { out: (s: string) => void; err: (s: string) => void }): void {
  program
    .command('serve')
    .description(
      'Explore run folders in the browser (node, constellation or benchmark runs, finished or running): parallel coordinates, ' +
        'scatter matrix, design table and budgets, linked by brushing. Read-only except notes.json beside a run.',
    )
    .argument('<run-dirs...>', 'run folders written by odc run (a multi-seed run folder: each of its seeds)')
    .option(
      '--port <n>',
      `port to listen on (default ${DEFAULT_SERVE_PORT}; 0: any free port)`,
      portArg,
      DEFAULT_SERVE_PORT,
    )
    .option('--host <address>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .option(
      '--allow-remote',
      'allow a --host other machines can reach (0.0.0.0, a LAN address): they can then read the runs',
    )
    .option('--open', 'open the URL in the default browser')
    .action(async (dirs: string[], opts: { port: number; host: string; allowRemote?: boolean; open?: boolean }) => {
      const { createLpSolver, startServer } = await import('./libraryChunk.js');
      const lp = await createLpSolver();
      const server = await startServer({
        runDirs: dirs,
        port: opts.port,
        host: opts.host,
        allowRemote: opts.allowRemote === true,
        lp,
      });
      io.out(`${server.url}\n`);
      if (!server.loopbackOnly)
        io.err(
          `warning: listening on ${opts.host || 'every interface'} (--allow-remote): other machines can read these runs\n`,
        );
      io.err(
        `serving ${server.runs.length} run folder(s) read-only (notes.json is the only file written); Ctrl-C to stop\n`,
      );
      if (opts.open) await openBrowser(server.url);
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          void server.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
