import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import {
  APP_PACKAGE_DIR,
  PLACEHOLDERS,
  PackageError,
  assertValidManifest,
  buildPackage,
  fillPlaceholders,
  iconProblems,
  manifestProblems,
  resolvePlaceholders,
} from '../../scripts/package-teams';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons';
import { buildCommandTable } from '../../dialogs';
import { matchCommand } from '../../dialogs/commands';

const ENV = {
  MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  TEAMS_APP_ID: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  BOT_DOMAIN: 'peerreflect-test.example.org',
};

/** The committed manifest, filled with sample values, as a fresh object. */
// biome-ignore lint/suspicious/noExplicitAny: these tests edit the manifest at arbitrary JSON paths
function sampleManifest(): Record<string, any> {
  const text = readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fillPlaceholders(text, resolvePlaceholders({}, true)));
}

function rejection(manifest: unknown): string {
  try {
    assertValidManifest(manifest);
  } catch (e) {
    assert.ok(e instanceof PackageError, `expected a PackageError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('the manifest was accepted');
}

describe('Teams app package', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'peerreflect-pkg-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  describe('manifest', () => {
    it('validates against the shipped v1.30 schema with sample values', () => {
      const m = sampleManifest();
      assert.equal(m.manifestVersion, '1.30');
      assert.deepEqual(manifestProblems(m), []);
      assert.doesNotThrow(() => buildPackage({ check: true }));
    });

    it('uses toolkit-style placeholders for the app id, bot id and domain', () => {
      const text = readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
      for (const name of Object.keys(PLACEHOLDERS)) assert.ok(text.includes(`\${{${name}}}`), name);
    });

    it('offers the same commands in personal and team scope', () => {
      const bot = sampleManifest().bots[0];
      assert.deepEqual([...bot.scopes].sort(), ['personal', 'team']);
      const expected = ['reflect', 'worried', 'history', 'summary', 'my summary', 'onboarding', 'remind me', 'stop reminders', 'my data', 'help'];
      for (const scope of ['personal', 'team']) {
        const list = bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes(scope));
        assert.ok(list, `a command list for ${scope}`);
        assert.deepEqual(list.commands.map((c: { title: string }) => c.title), expected);
        for (const c of list.commands) assert.ok(c.description.length > 0 && c.description.length <= 128, c.title);
      }
    });

    it('lists only commands the bot answers', () => {
      const { commands } = buildCommandTable();
      for (const c of sampleManifest().bots[0].commandLists[0].commands as { title: string }[]) {
        if (c.title === 'help') continue; // answered by the router everywhere
        assert.ok(matchCommand(c.title, commands), `"${c.title}" routes to a command in the table`);
      }
    });

    it('rejects a manifest without a bot id, saying where', () => {
      const m = sampleManifest();
      delete m.bots[0].botId;
      const message = rejection(m);
      assert.match(message, /not a valid Teams app manifest/);
      assert.match(message, /\/bots\/0 must have required property 'botId'/);
    });

    it('rejects a bot id that is not a GUID', () => {
      const m = sampleManifest();
      m.bots[0].botId = 'my-bot';
      assert.match(rejection(m), /\/bots\/0\/botId must be a GUID/);
    });

    it('rejects an app version that is not major.minor.patch', () => {
      const m = sampleManifest();
      m.version = '1.0';
      assert.match(rejection(m), /\/version must be a version like 1\.0\.0 .*got "1\.0"/);
    });

    it('rejects a manifestVersion other than the schema it is checked against', () => {
      const m = sampleManifest();
      m.manifestVersion = '1.99';
      assert.match(rejection(m), /\/manifestVersion must be "1\.30"/);
    });

    it('rejects unknown properties and leftover placeholders', () => {
      const m = sampleManifest();
      m.botName = 'x';
      m.name.full = '${{APP_NAME}}';
      const message = rejection(m);
      assert.match(message, /unknown property "botName"/);
      assert.match(message, /placeholders left unfilled: \$\{\{APP_NAME\}\}/);
    });
  });

  describe('environment', () => {
    it('names the missing variable', () => {
      assert.throws(
        () => resolvePlaceholders({ TEAMS_APP_ID: ENV.TEAMS_APP_ID, BOT_DOMAIN: ENV.BOT_DOMAIN }, false),
        (e: Error) => e instanceof PackageError && /Missing environment variable:\n\s+- MICROSOFT_APP_ID/.test(e.message),
      );
    });

    it("takes the bot id from the bot's own MicrosoftAppId when MICROSOFT_APP_ID is unset", () => {
      const values = resolvePlaceholders(
        { MicrosoftAppId: ENV.MICROSOFT_APP_ID, TEAMS_APP_ID: ENV.TEAMS_APP_ID, BOT_DOMAIN: ENV.BOT_DOMAIN },
        false,
      );
      assert.equal(values.BOT_ID, ENV.MICROSOFT_APP_ID);
    });

    it('refuses a URL where a host name belongs', () => {
      assert.throws(
        () => resolvePlaceholders({ ...ENV, BOT_DOMAIN: 'https://bot.example.org/api/messages' }, false),
        /BOT_DOMAIN must be a host name/,
      );
    });

    it('refuses a placeholder it does not know', () => {
      assert.throws(() => fillPlaceholders('{"id":"${{NOPE}}"}', {}), /placeholder \$\{\{NOPE\}\}/);
    });
  });

  describe('icons', () => {
    it('color is 192x192 and outline is 32x32 white on transparent', () => {
      const color = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')));
      const outline = PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')));
      assert.deepEqual([color.width, color.height], [192, 192]);
      assert.deepEqual([outline.width, outline.height], [32, 32]);
      assert.deepEqual(iconProblems('color', readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))), []);
      assert.deepEqual(iconProblems('outline', readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))), []);
      // The outline really has a transparent background and a visible mark.
      const alphas = [...outline.data].filter((_, i) => i % 4 === 3);
      assert.ok(alphas.some((a) => a === 0) && alphas.some((a) => a === 255));
    });

    it('are what scripts/make-icons.ts draws', () => {
      assert.ok(renderColorIcon().equals(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png'))));
      assert.ok(renderOutlineIcon().equals(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))));
    });

    it('rejects a wrong size and a coloured outline', () => {
      assert.match(iconProblems('outline', renderColorIcon()).join('\n'), /outline icon must be 32x32 pixels; it is 192x192/);
      assert.match(iconProblems('color', renderOutlineIcon()).join('\n'), /color icon must be 192x192/);
      const tinted = PNG.sync.read(renderOutlineIcon());
      tinted.data[3] = 255;
      tinted.data[0] = 0;
      assert.match(iconProblems('outline', PNG.sync.write(tinted)).join('\n'), /white on a transparent background/);
    });

    it('stops the build when an icon is the wrong size', () => {
      const dir = path.join(work, 'appPackage');
      cpSync(APP_PACKAGE_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
      writeFileSync(path.join(dir, 'outline.png'), renderColorIcon());
      const outFile = path.join(work, 'out.zip');
      assert.throws(() => buildPackage({ env: ENV, appPackageDir: dir, outFile }), /outline icon must be 32x32/);
      assert.equal(existsSync(outFile), false);
    });
  });

  describe('zip', () => {
    it('holds manifest.json, color.png and outline.png at its root, placeholders filled', () => {
      const outFile = path.join(work, 'peerreflect.zip');
      const result = buildPackage({ env: ENV, outFile });
      assert.equal(result.outFile, outFile);

      const entries = unzipSync(readFileSync(outFile));
      assert.deepEqual(Object.keys(entries).sort(), ['color.png', 'manifest.json', 'outline.png']);

      const text = Buffer.from(entries['manifest.json']).toString('utf8');
      assert.doesNotMatch(text, /\$\{\{/);
      const m = JSON.parse(text);
      assert.equal(m.id, ENV.TEAMS_APP_ID);
      assert.equal(m.bots[0].botId, ENV.MICROSOFT_APP_ID);
      assert.deepEqual(m.validDomains, [ENV.BOT_DOMAIN]);
      assert.deepEqual(manifestProblems(m), []);

      assert.equal(PNG.sync.read(Buffer.from(entries['color.png'])).width, 192);
      assert.equal(PNG.sync.read(Buffer.from(entries['outline.png'])).width, 32);
    });

    it('is not written in check mode or when the manifest is broken', () => {
      const outFile = path.join(work, 'check.zip');
      buildPackage({ check: true, outFile });
      assert.equal(existsSync(outFile), false);

      const dir = path.join(work, 'appPackage');
      cpSync(APP_PACKAGE_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}build`) });
      const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      m.version = 'one';
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
      assert.throws(() => buildPackage({ env: ENV, appPackageDir: dir, outFile }), /\/version must be a version like 1\.0\.0/);
      assert.equal(existsSync(outFile), false);
    });
  });
});
