/**
 * Builds the Microsoft Teams app package: appPackage/build/peerreflect.zip.
 *
 *   npm run package              fill ${{…}} placeholders from the environment (and .env), validate, write the zip
 *   npm run package -- --check   validate with sample values; writes nothing
 *
 * Validation is offline: the Teams manifest JSON schema is shipped in appPackage/schema/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { config as loadDotenv } from 'dotenv';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';

export const APP_PACKAGE_DIR = path.resolve(__dirname, '..', 'appPackage');
export const SCHEMA_FILE = path.join(APP_PACKAGE_DIR, 'schema', 'MicrosoftTeams.v1.30.schema.json');
export const DEFAULT_OUT_FILE = path.join(APP_PACKAGE_DIR, 'build', 'peerreflect.zip');

/** Each placeholder in manifest.json, the environment variable that fills it, and a sample for --check. */
export const PLACEHOLDERS: Record<
  string,
  { env: string; fallbackEnv?: string; what: string; sample: string; pattern: RegExp; shape: string }
> = {
  TEAMS_APP_ID: {
    env: 'TEAMS_APP_ID',
    what: "the Teams app's own id: a GUID you generate once and keep for every later version of the package",
    sample: '00000000-0000-4000-8000-000000000001',
    pattern: /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    shape: 'a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  },
  BOT_ID: {
    env: 'MICROSOFT_APP_ID',
    // The bot itself reads MicrosoftAppId (services/config.ts); one value in .env serves both.
    fallbackEnv: 'MicrosoftAppId',
    what: "the bot's Microsoft App ID (Azure Bot resource > Configuration)",
    sample: '00000000-0000-4000-8000-000000000002',
    pattern: /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
    shape: 'a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  },
  BOT_DOMAIN: {
    env: 'BOT_DOMAIN',
    what: 'the host name the bot is reached on, without https:// or a path',
    sample: 'peerreflect.example.org',
    pattern: /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i,
    shape: 'a host name such as peerreflect.azurewebsites.net',
  },
};

const PLACEHOLDER_RE = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** An error a person can fix; its message says what to do. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/** Which placeholder values to use: from `env`, or the samples when `check` is set. */
export function resolvePlaceholders(env: NodeJS.ProcessEnv, check: boolean): Record<string, string> {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  const malformed: string[] = [];
  for (const [name, p] of Object.entries(PLACEHOLDERS)) {
    const raw = check ? p.sample : (env[p.env]?.trim() || (p.fallbackEnv ? env[p.fallbackEnv]?.trim() : undefined));
    if (!raw) missing.push(`  - ${p.env}${p.fallbackEnv ? ` (or ${p.fallbackEnv})` : ''}: ${p.what}`);
    else if (!p.pattern.test(raw)) malformed.push(`  - ${p.env} must be ${p.shape}; got "${raw}"`);
    else values[name] = raw;
  }
  if (missing.length > 0) {
    throw new PackageError(
      `Missing environment variable${missing.length > 1 ? 's' : ''}:\n${missing.join('\n')}\n` +
        `Set ${missing.length > 1 ? 'them' : 'it'} (or put ${missing.length > 1 ? 'them' : 'it'} in .env), ` +
        `or run \`npm run package -- --check\` to validate with sample values.`,
    );
  }
  if (malformed.length > 0) throw new PackageError(`Environment variables:\n${malformed.join('\n')}`);
  return values;
}

/** Replaces every ${{NAME}} in the manifest text; an unknown or unfilled name is an error. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER_RE, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new PackageError(
        `manifest.json uses the placeholder \${{${name}}}, which this script does not fill. ` +
          `Known placeholders: ${Object.keys(PLACEHOLDERS).join(', ')}.`,
      );
    }
    return value;
  });
}

let compiled: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function schemaValidator() {
  if (!compiled) {
    // The Teams schema is draft-04; strict mode is off because the schema itself is not written for it
    // (e.g. additionalProperties without type), which ajv's strict mode would refuse.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  }
  return compiled;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '(top level)';
  if (e.keyword === 'additionalProperties') {
    return `${where}: unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (e.keyword === 'const') {
    return `${where} must be "${(e.params as { allowedValue: unknown }).allowedValue}"`;
  }
  if (e.keyword === 'pattern' && e.schemaPath.includes('guid')) {
    return `${where} must be a GUID`;
  }
  return `${where} ${e.message ?? 'is invalid'}`;
}

const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/**
 * Checks a filled manifest against the Teams schema plus the rules the schema leaves to prose:
 * `version` is semver (major.minor.patch), a bot with an id is present, no placeholder is left.
 * Returns the problems, one sentence each; empty when the manifest is valid.
 */
export function manifestProblems(manifest: unknown): string[] {
  const validate = schemaValidator();
  const problems: string[] = [];
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) problems.push(describe(e));
  }
  const m = (manifest ?? {}) as { version?: unknown; bots?: Array<{ botId?: unknown }> };
  if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
    problems.push(`/version must be a version like 1.0.0 (major.minor.patch); got "${m.version}"`);
  }
  if (!Array.isArray(m.bots) || m.bots.length === 0 || typeof m.bots[0]?.botId !== 'string') {
    if (!problems.some((p) => p.includes('botId'))) problems.push('/bots/0/botId is missing: PeerReflect is a bot');
  }
  const leftover = JSON.stringify(manifest).match(PLACEHOLDER_RE);
  if (leftover) problems.push(`placeholders left unfilled: ${[...new Set(leftover)].join(', ')}`);
  return [...new Set(problems)];
}

export function assertValidManifest(manifest: unknown): void {
  const problems = manifestProblems(manifest);
  if (problems.length > 0) {
    throw new PackageError(
      `manifest.json is not a valid Teams app manifest (schema v1.30):\n` + problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}

/** Teams' icon rules: color 192x192; outline 32x32, white on transparent. */
export function iconProblems(name: 'color' | 'outline', data: Buffer): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(data);
  } catch (e) {
    return [`${name} icon is not a readable PNG (${(e as Error).message})`];
  }
  const want = name === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (png.width !== want || png.height !== want) {
    problems.push(`${name} icon must be ${want}x${want} pixels; it is ${png.width}x${png.height}`);
  }
  if (name === 'outline') {
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) {
        problems.push('outline icon must be white on a transparent background; it has coloured pixels');
        break;
      }
    }
  }
  return problems;
}

export interface BuildOptions {
  env?: NodeJS.ProcessEnv;
  /** Validate with sample values and write nothing. */
  check?: boolean;
  appPackageDir?: string;
  outFile?: string;
}

export interface BuildResult {
  manifest: Record<string, unknown>;
  /** Where the zip was written; undefined in check mode. */
  outFile?: string;
}

export function buildPackage(options: BuildOptions = {}): BuildResult {
  const dir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const check = options.check ?? false;
  const values = resolvePlaceholders(options.env ?? process.env, check);

  const filled = fillPlaceholders(readFileSync(path.join(dir, 'manifest.json'), 'utf8'), values);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(filled) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError(`manifest.json is not valid JSON: ${(e as Error).message}`);
  }
  assertValidManifest(manifest);

  const icons = manifest.icons as { color: string; outline: string };
  const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2) + '\n') };
  const problems: string[] = [];
  for (const name of ['color', 'outline'] as const) {
    const file = path.join(dir, icons[name]);
    if (!existsSync(file)) {
      problems.push(`${name} icon ${icons[name]} not found in ${dir} (run npx tsx scripts/make-icons.ts)`);
      continue;
    }
    const data = readFileSync(file);
    problems.push(...iconProblems(name, data));
    files[icons[name]] = data;
  }
  if (problems.length > 0) throw new PackageError(`App icons:\n` + problems.map((p) => `  - ${p}`).join('\n'));

  if (check) return { manifest };

  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  mkdirSync(path.dirname(outFile), { recursive: true });
  // A fixed timestamp keeps the zip byte-for-byte reproducible.
  writeFileSync(outFile, zipSync(files, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') }));
  return { manifest, outFile };
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown[0]}. Usage: npm run package [-- --check]`);
    return 2;
  }
  if (!check && existsSync(path.resolve('.env'))) {
    // Values already in the environment win over .env.
    loadDotenv({ quiet: true });
  }
  try {
    const result = buildPackage({ check });
    const m = result.manifest as { version: string; manifestVersion: string };
    if (check) {
      console.log(`manifest.json and icons are valid (manifest schema v${m.manifestVersion}, app version ${m.version}, sample ids).`);
    } else {
      console.log(`Wrote ${path.relative(process.cwd(), result.outFile!)} (app version ${m.version}). Upload it in Teams: Apps > Manage your apps > Upload an app.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
