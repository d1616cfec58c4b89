// An HTTPS pass-through between the Cosmos client and the embedded server that counts what a piece of work
// costs the database: requests, request units (the x-ms-request-charge header the client also reports; the
// embedded server says 1 for every request, so requests and documents read are the telling figures) and
// documents returned (x-ms-item-count on queries and feeds; 1 for a point read). Since the embedded server's charge
// means nothing, it also estimates what each request would cost on Azure Cosmos DB (estimatedRU; see ruEstimate.ts).
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackHttps, type LoopbackHttps } from '../test/helpers/loopbackHttps';
import { estimateRequestUnits } from './ruEstimate';

export interface DbCost {
  requests: number;
  requestUnits: number;
  documentsRead: number;
  /** What Azure Cosmos DB would charge for these requests, by its documented RU model (ruEstimate.ts). */
  estimatedRU?: number;
  /** Of the requests, query-plan lookups (the SDK's; counted apart, see below). */
  queryPlans?: number;
  /** Documents read per container. */
  byContainer?: Record<string, number>;
  /** Each request in order, as `METHOD container kind` (kind: read, query, plan, create, replace, upsert, delete…), when traced. */
  trace?: string[];
}

export interface CountingProxy {
  interpose(upstream: { endpoint: string; agent: https.Agent }): Promise<{ endpoint: string; agent: https.Agent }>;
  /** Counts since the last reset. */
  cost: DbCost;
  reset(): void;
  close(): Promise<void>;
}


/** `trace`: keep each request's method, container and kind in cost.trace (to see what a piece of work asks, not only how much). */
export function countingProxy(options: { trace?: boolean } = {}): CountingProxy {
  let server: LoopbackHttps | undefined;
  let upstream: { endpoint: string; agent: https.Agent } | undefined;
  const proxy: CountingProxy = {
    cost: { requests: 0, requestUnits: 0, documentsRead: 0 },
    reset() {
      proxy.cost = { requests: 0, requestUnits: 0, documentsRead: 0 };
    },
    async interpose(up) {
      upstream = up;
      const handle = (req: IncomingMessage, res: ServerResponse) => {
        const target = new URL(req.url ?? '/', upstream!.endpoint);
        let sent = 0;
        req.on('data', (b: Buffer) => {
          sent += b.length;
        });
        const out = https.request(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent: upstream!.agent }, (answer) => {
          const cost = proxy.cost;
          cost.requests++;
          cost.requestUnits += Number(answer.headers['x-ms-request-charge'] ?? 0);
          const items = answer.headers['x-ms-item-count'];
          // The SDK asks for a query plan before some queries; the embedded server answers that request by running
          // the query (Cosmos returns only a plan), so its documents are not counted as read.
          const plan = String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() === 'true';
          if (plan) cost.queryPlans = (cost.queryPlans ?? 0) + 1;
          const read = plan ? 0 : items !== undefined ? Number(items) : req.method === 'GET' && answer.statusCode === 200 && /\/docs\/[^/]+$/.test(target.pathname) ? 1 : 0;
          cost.documentsRead += read;
          const coll = /\/colls\/([^/]+)/.exec(target.pathname)?.[1];
          if (options.trace) {
            cost.trace ??= [];
            cost.trace.push(`${req.method} ${coll ?? '-'} ${requestKind(req, plan, target.pathname)}`);
          }
          if (read && coll) {
            cost.byContainer ??= {};
            cost.byContainer[coll] = (cost.byContainer[coll] ?? 0) + read;
          }
          // The estimate needs the answer's size: counted as it passes, added before the client sees the end.
          let received = 0;
          const counted = proxy.cost;
          answer.on('data', (b: Buffer) => {
            received += b.length;
          });
          answer.on('end', () => {
            counted.estimatedRU = (counted.estimatedRU ?? 0) + estimateRequestUnits({
              method: req.method ?? 'GET', path: target.pathname, status: answer.statusCode ?? 0, requestBytes: sent, responseBytes: received,
              items: items !== undefined ? Number(items) : undefined, queryPlan: plan, isQuery: String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true',
            });
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        out.on('error', () => res.destroy());
        req.pipe(out);
      };
      server = await startLoopbackHttps(handle);
      return { endpoint: server.endpoint, agent: server.agent };
    },
    close: async () => {
      await server?.close();
    },
  };
  return proxy;
}

function requestKind(req: IncomingMessage, plan: boolean, path: string): string {
  if (plan) return 'plan';
  if (String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true') return 'query';
  if (String(req.headers['x-ms-cosmos-is-batch-request'] ?? '').toLowerCase() === 'true') return 'batch';
  if (String(req.headers['x-ms-cosmos-batch-atomic'] ?? '').toLowerCase() === 'true') return 'batch';
  const doc = /\/docs\/[^/]+$/.test(path);
  switch (req.method) {
    case 'GET': return doc ? 'read' : 'feed';
    case 'PUT': return 'replace';
    case 'PATCH': return 'patch';
    case 'DELETE': return 'delete';
    case 'POST': return String(req.headers['x-ms-documentdb-is-upsert'] ?? '').toLowerCase() === 'true' ? 'upsert' : 'create';
    default: return req.method ?? '?';
  }
}
