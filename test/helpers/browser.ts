// A real browser for end-to-end tests, driven by playwright-core: Debian's chromium when the machine has it,
// otherwise the one shipped inside the @sparticuz/chromium npm package (unpacked to /tmp on first use), so
// `npm test` passes on a fresh machine with no apt step. Never downloads a browser; CHROMIUM_PATH overrides.
// Each launch gets a fresh profile directory, removed on close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The chromium to drive: CHROMIUM_PATH, else the system one, else the packaged one. */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const packaged = (await import('@sparticuz/chromium')).default;
  return packaged.executablePath();
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors, console errors and Web Chat's warnings, for asserting the page ran cleanly. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches headless chromium at a phone-sized viewport (people use this on phones). */
export async function launchBrowser(opts: { width?: number; height?: number } = {}): Promise<Browser> {
  const executablePath = await chromiumPath();
  if (!fs.existsSync(executablePath)) throw new Error(`No chromium at ${executablePath} (CHROMIUM_PATH).`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: opts.width ?? 390, height: opts.height ?? 800 },
    locale: 'en-CA',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // Web Chat reports a card it could not draw as a warning, not an error; both count here.
    if (msg.type() === 'error' || (msg.type() === 'warning' && msg.text().startsWith('botframework-webchat:'))) {
      errors.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
