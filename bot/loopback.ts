// Local mode has no Bot Framework tokens: what keeps it private is that only this machine can reach it.
// Two holes are closed here:
// - DNS rebinding: a web page on evil.example whose name is re-pointed at 127.0.0.1 can make the browser post
//   to this server as "evil.example". Every request in local mode must name a loopback host in `Host`.
// - Replies and proactive messages go to the activity's `serviceUrl`: in local mode it must be loopback too, or a
//   forged activity could make the bot send a person's replies (or reminders) to any address on the internet.
import type { ConnectorFactory } from 'botframework-connector';
import type { RequestHandler } from 'restify';

/** localhost (and its subdomains, which resolve to loopback by RFC 6761), 127.0.0.0/8 and ::1. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

/** The host name of a Host header value ("127.0.0.1:3978", "[::1]:3978", "localhost"). */
export function hostnameOf(hostHeader: string): string {
  const v = hostHeader.trim();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1);
  const colon = v.lastIndexOf(':');
  return colon >= 0 ? v.slice(0, colon) : v;
}

export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHostname(u.hostname);
  } catch {
    return false;
  }
}

/** Runs before routing: in local mode, 403 for a request whose Host is not a loopback name. */
export function requireLoopbackHost(localMode: boolean): RequestHandler {
  return (req, res, next) => {
    if (!localMode || isLoopbackHostname(hostnameOf(req.header('host') ?? ''))) return next();
    res.send(403, { error: 'forbidden_host', message: 'This local PeerReflect answers only requests addressed to localhost or 127.0.0.1.' });
    return next(false);
  };
}

/** In local mode, 400 for an activity whose serviceUrl is not on this machine (after the shape check). */
export function requireLoopbackServiceUrl(localMode: boolean): RequestHandler {
  return (req, res, next) => {
    const serviceUrl = (req.body as { serviceUrl?: string }).serviceUrl ?? '';
    if (!localMode || isLoopbackUrl(serviceUrl)) return next();
    res.send(400, { error: 'bad_activity', message: 'In local mode the "serviceUrl" must be a loopback address (localhost, 127.0.0.1 or ::1).' });
    return next(false);
  };
}

/** What the connector is refused with: a 403 to callers, so the proactive sender drops the address as gone. */
export class NotLoopbackError extends Error {
  readonly statusCode = 403;
  constructor() {
    super('local mode sends only to loopback serviceUrls');
    this.name = 'NotLoopbackError';
  }
}

/**
 * Wraps the connector factory so no client is ever made for a non-loopback serviceUrl: replies, proactive
 * sends and new conversations all get their client here, so this is the one gate for every outgoing call.
 */
export function loopbackOnly(factory: ConnectorFactory): ConnectorFactory {
  const guarded = Object.create(factory) as ConnectorFactory;
  guarded.create = (serviceUrl: string, audience?: string) => {
    if (!isLoopbackUrl(serviceUrl)) return Promise.reject(new NotLoopbackError());
    return factory.create(serviceUrl, audience);
  };
  return guarded;
}
