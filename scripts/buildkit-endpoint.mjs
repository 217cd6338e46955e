// A BuildKit endpoint on TCP for a Docker engine, as `docker buildx create --driver remote tcp://…`
// expects one (the shape of a BuildKit farm or `docker/setup-buildx-action` with `driver: remote`).
// dockerd serves its built-in BuildKit's gRPC API on its own socket behind `POST /grpc` with
// `Upgrade: h2c` (this is how buildx's docker driver reaches it: docker/buildx driver/docker/driver.go
// dials "/grpc" with "h2c"); this relays each TCP connection to that upgraded stream, so the remote
// driver talks gRPC straight to the engine's BuildKit.
//
//   node scripts/buildkit-endpoint.mjs LISTEN_ADDR:PORT /path/to/docker.sock
import net from 'node:net';

const [listen, socket] = process.argv.slice(2);
const m = /^(.+):(\d+)$/.exec(listen ?? '');
if (!m || !socket) {
  process.stderr.write('usage: node buildkit-endpoint.mjs LISTEN_ADDR:PORT /path/to/docker.sock\n');
  process.exit(2);
}
const UPGRADE =
  'POST /grpc HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: h2c\r\nContent-Length: 0\r\n\r\n';

const server = net.createServer((client) => {
  client.pause();
  const engine = net.connect(socket);
  // The upgrade answer must come within 10 s; after it the relay has no timeout (builds are long).
  engine.setTimeout(10_000, () => engine.destroy(new Error('no upgrade answer within 10 s')));
  let head = Buffer.alloc(0);
  const onHead = (data) => {
    head = Buffer.concat([head, data]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    engine.off('data', onHead);
    engine.setTimeout(0);
    const status = head.subarray(0, end).toString().split('\r\n')[0];
    if (!/^HTTP\/1\.1 101 /.test(status)) {
      process.stderr.write(`buildkit-endpoint: the engine refused the upgrade: ${status}\n`);
      client.destroy();
      engine.destroy();
      return;
    }
    const rest = head.subarray(end + 4);
    if (rest.length > 0) client.write(rest);
    client.pipe(engine);
    engine.pipe(client);
    client.resume();
  };
  engine.on('data', onHead);
  engine.write(UPGRADE);
  engine.on('error', () => client.destroy());
  engine.on('close', () => client.destroy());
  client.on('error', () => engine.destroy());
  client.on('close', () => engine.destroy());
});
server.listen(Number(m[2]), m[1], () => process.stderr.write(`buildkit-endpoint: tcp://${listen} -> ${socket}\n`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
