// A fault-injecting HTTPS proxy between the Cosmos client and the in-process Cosmos server. Requests pass
// through untouched unless a rule matches: then it answers 429 or 503 itself, holds the request (delay, e.g.
// past the client's timeout — the request is still forwarded afterwards, as a slow real server would), or
// drops the connection. Use: `const proxy = faultProxy(); const store = await freshStore({ interpose: proxy.interpose })`.
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startLoopbackHttps, type LoopbackHttps } from './loopbackHttps';

export interface FaultRule {
  /** Which requests: method and/or a pattern on the path (e.g. /colls\/reflections\/docs/). Default: all. */
  method?: string;
  path?: RegExp;
  /** What to do: answer with this status, hold the request this long first, or drop the connection. */
  status?: 429 | 503 | 408 | 500;
  delayMs?: number;
  drop?: boolean;
  /** How many matching requests to affect (default: until removed). */
  times?: number;
}

export interface FaultProxy {
  interpose(upstream: { endpoint: string; agent: https.Agent }): Promise<{ endpoint: string; agent: https.Agent }>;
  rules: FaultRule[];
  add(rule: FaultRule): FaultRule;
  /** Every request fails (503, or dropped) until `up()`. */
  down(how?: 'drop' | 503): void;
  up(): void;
  /** Counts: requests forwarded, and faults injected by kind. */
  stats: { forwarded: number; status: number; delayed: number; dropped: number };
  close(): Promise<void>;
}


export function faultProxy(): FaultProxy {
  const rules: FaultRule[] = [];
  const stats = { forwarded: 0, status: 0, delayed: 0, dropped: 0 };
  let server: LoopbackHttps | undefined;
  let upstream: { endpoint: string; agent: https.Agent } | undefined;

  const take = (req: IncomingMessage): FaultRule | undefined => {
    const rule = rules.find((r) => (!r.method || r.method === req.method) && (!r.path || r.path.test(decodeURI(req.url ?? ''))));
    if (rule && rule.times !== undefined && --rule.times <= 0) rules.splice(rules.indexOf(rule), 1);
    return rule;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    stats.forwarded++;
    const target = new URL(req.url ?? '/', upstream!.endpoint);
    const out = https.request(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent: upstream!.agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rule = take(req);
      if (!rule) return forward(req, res, body);
      if (rule.drop) {
        stats.dropped++;
        return req.socket.destroy();
      }
      if (rule.status) {
        stats.status++;
        const code = rule.status === 429 ? 'TooManyRequests' : rule.status === 503 ? 'ServiceUnavailable' : 'Fault';
        res.writeHead(rule.status, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '20', 'x-ms-activity-id': 'fault' });
        return res.end(JSON.stringify({ code, message: `Injected ${rule.status}` }));
      }
      stats.delayed++;
      setTimeout(() => forward(req, res, body), rule.delayMs ?? 0);
    });
  };

  return {
    rules,
    stats,
    add(rule) {
      rules.push(rule);
      return rule;
    },
    down(how = 503) {
      rules.unshift(how === 'drop' ? { drop: true } : { status: 503 });
    },
    up() {
      rules.splice(0, rules.length);
    },
    async interpose(up) {
      upstream = up;
      server = await startLoopbackHttps(handle);
      return { endpoint: server.endpoint, agent: server.agent };
    },
    close: async () => {
      await server?.close();
    },
  };
}
