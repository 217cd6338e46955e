// The inner layer where no boundary could be made: Chromium sends every request through this proxy
// (`--proxy-server`, with `--proxy-bypass-list=<-loopback>` so that loopback addresses go through
// it too: Chrome bypasses the proxy for them by default), and the proxy passes on only what is for
// the site's own host and port. Anything else (another loopback port, an address of the runner's
// network, a tunnel for a WebSocket elsewhere) is answered 403 and never connected. It is a layer
// inside Chromium's own networking, not a boundary: code that escaped the renderer could open
// sockets itself, which only the namespaces prevent.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface SiteProxy {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** How many requests were refused. */
  refused(): number;
  close(): Promise<void>;
}

/** `host:port` of a URL, with the scheme's default port. Pure. */
export function authorityOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** Whether a request for `target` (absolute URL or CONNECT authority) is for the site. Pure. */
export function forSite(target: string, site: URL, connectMethod: boolean): boolean {
  try {
    const url = connectMethod ? new URL(`http://${target}`) : new URL(target);
    const fromConnect = connectMethod ? `${url.hostname}:${url.port || '443'}` : authorityOf(url);
    return fromConnect === authorityOf(site) && (connectMethod || url.protocol === site.protocol);
  } catch {
    return false;
  }
}

const HOP_BY_HOP = ['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive'];

export async function proxySite(siteUrl: string): Promise<SiteProxy> {
  const site = new URL(siteUrl);
  let refused = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (!req.url || !forSite(req.url, site, false)) {
      refused++;
      res.writeHead(403, { 'content-type': 'text/plain' }).end('only the site is reachable from the smoke boot\n');
      return;
    }
    const url = new URL(req.url);
    const headers: IncomingHttpHeaders = { ...req.headers };
    for (const h of HOP_BY_HOP) delete headers[h];
    const upstream = request(
      {
        host: site.hostname,
        port: Number(url.port || 80),
        method: req.method,
        path: url.pathname + url.search,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    if (!req.url || !forSite(req.url, site, true)) {
      refused++;
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(site.port || 80), site.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('upgrade', (_req, client: Socket) => {
    // A WebSocket asked of the proxy directly, not through CONNECT: the site serves none.
    refused++;
    client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused: () => refused,
    close: () =>
      new Promise<void>((ok) => {
        for (const s of open) s.destroy();
        server.close(() => ok());
      }),
  };
}
