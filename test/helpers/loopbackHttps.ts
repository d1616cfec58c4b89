// An HTTPS server on loopback with the embedded Cosmos server's own self-signed certificate, for pass-throughs
// placed between the Cosmos client and that server (the fault proxy in tests, the counting proxy in bench/).
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CERT_DIR = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));

export interface LoopbackHttps {
  endpoint: string;
  /** An agent for the client that trusts this loopback server's certificate (and only talks to loopback). */
  agent: https.Agent;
  close(): Promise<void>;
}

export async function startLoopbackHttps(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackHttps> {
  const server = https.createServer({ cert: readFileSync(path.join(CERT_DIR, 'cert.pem')), key: readFileSync(path.join(CERT_DIR, 'key.pem')), keepAlive: true } as https.ServerOptions, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}`,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
