// The one way out of the browser's network namespace: a Unix socket in the boot's scratch folder
// (a file, which namespaces of the network do not separate), where each connection is relayed to the
// site's own host and port and nowhere else. Inside, the forwarder (FORWARDER) listens on the
// namespace's loopback at the site's port and relays each connection to this socket.
import { chmod } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface SiteRelay {
  path: string;
  close(): Promise<void>;
}

/**
 * Joins two sockets both ways. An end is passed on as an end (pipe() ends the other side once what
 * was read is written): a server that answers and closes at once, as HTTP/1.0 ones do, must not
 * lose its answer. Only an error tears the other side down.
 */
const join = (a: Socket, b: Socket): void => {
  a.pipe(b).pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
};

/** Listens on `path` and relays every connection to `host`:`port`. */
export async function relaySite(path: string, host: string, port: number): Promise<SiteRelay> {
  const open = new Set<Socket>();
  const server: Server = createServer((inside) => {
    const site = connect(port, host);
    open.add(inside).add(site);
    inside.once('close', () => open.delete(inside));
    site.once('close', () => open.delete(site));
    join(inside, site);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  // Chromium inside may run as another user (nobody when the action is root): connecting to a
  // socket needs write permission on it.
  await chmod(path, 0o666);
  return {
    path,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of open) s.destroy();
        server.close(() => ok());
      }),
  };
}

/**
 * The forwarder inside the namespaces (`node -e FORWARDER PORT SOCKET BROWSER ARGS…`): listens on
 * 127.0.0.1:PORT, relays each connection to SOCKET, and only then starts the browser with its own
 * stdin and stdout as the browser's fds 3 and 4 (the DevTools pipe). It is the namespace's first
 * process: when it ends, the kernel ends every other process in it (pid_namespaces(7)).
 */
export const FORWARDER = `'use strict';
const net = require('node:net');
const { spawn } = require('node:child_process');
const [port, sock, bin, ...args] = process.argv.slice(1);
const fail = (code, e) => { process.stderr.write('c2w forwarder: ' + e.message + '\\n'); process.exit(code); };
const server = net.createServer((c) => {
  const u = net.connect(sock);
  c.pipe(u).pipe(c);
  for (const [a, b] of [[c, u], [u, c]]) a.on('error', () => b.destroy());
});
server.on('error', (e) => fail(70, e));
server.listen(Number(port), '127.0.0.1', () => {
  const b = spawn(bin, args, { stdio: ['ignore', 'ignore', 'inherit', 0, 1] });
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => b.kill('SIGTERM'));
  b.on('error', (e) => fail(71, e));
  b.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
});
`;
