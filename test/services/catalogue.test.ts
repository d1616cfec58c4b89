import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CatalogueError, DEFAULT_LOCALES_DIR, currentLocale, inLocale, list, loadCatalogues, localeChain, t, useCatalogues, type MessageKey } from '../../services/catalogue';

/** A folder of catalogues: file name → its JSON. */
function folder(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
}

const english = {
  router: { cancelled: "Okay, I've stopped.", hello: 'Hi {name}' },
  history: { count: '{count, plural, one {# reflection} other {# reflections}}' },
};

function refused(files: Record<string, unknown>, detail: RegExp): void {
  assert.throws(() => loadCatalogues(folder(files)), (err: unknown) => {
    assert.ok(err instanceof CatalogueError, `expected a CatalogueError, got ${String(err)}`);
    assert.match(err.message, detail);
    return true;
  });
}

describe('message catalogue (services/catalogue)', () => {
  it('looks a sentence up by key and fills its placeholders', () => {
    assert.equal(t('router.cancelled'), "Okay, I've stopped. Nothing from that was saved.");
    assert.equal(t('router.helpLine', { phrase: 'reflect', help: 'a short reflection' }), '• `reflect` — a short reflection');
  });

  it('the shipped catalogues load and pass their checks', () => {
    const shipped = loadCatalogues(DEFAULT_LOCALES_DIR);
    assert.ok((shipped.get('en')?.size ?? 0) > 5);
  });

  it('plurals follow the locale: 1 reflection, 2 reflections; French counts 0 as one', () => {
    const restore = useCatalogues(loadCatalogues(folder({
      'en.json': english,
      'fr-CA.json': { history: { count: '{count, plural, one {# réflexion} other {# réflexions}}' } },
    })));
    try {
      const count = 'history.count' as MessageKey; // a key of the fixture, not of en.json
      assert.equal(t(count, { count: 1 }, 'en'), '1 reflection');
      assert.equal(t(count, { count: 2 }, 'en'), '2 reflections');
      assert.equal(t(count, { count: 0 }, 'en'), '0 reflections');
      assert.equal(t(count, { count: 0 }, 'fr-CA'), '0 réflexion');
      assert.match(t(count, { count: 1200 }, 'fr-CA'), /^1\s200 réflexions$/, 'French groups digits with a space');
    } finally {
      restore();
    }
  });

  it('a new locale is a new file, no code: fr-CA is said to fr-CA, a missing message falls back to English', () => {
    const dir = folder({
      'en.json': fs.readFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), 'utf8'),
      'fr-CA.json': { router: { cancelled: "D'accord, j'arrête. Rien n'a été enregistré." } },
    });
    const restore = useCatalogues(loadCatalogues(dir));
    try {
      assert.equal(t('router.cancelled', {}, 'fr-CA'), "D'accord, j'arrête. Rien n'a été enregistré.");
      assert.equal(t('router.cancelled', {}, 'fr-ca'), "D'accord, j'arrête. Rien n'a été enregistré.", 'tags are matched case-insensitively');
      assert.equal(t('router.nothingToCancel', {}, 'fr-CA'), t('router.nothingToCancel', {}, 'en'), 'not translated yet: English');
      assert.equal(t('router.cancelled', {}, 'fr-FR'), t('router.cancelled', {}, 'en'), 'fr-CA is not all French');
      assert.equal(inLocale('fr-CA', () => t('router.cancelled')), "D'accord, j'arrête. Rien n'a été enregistré.", 'the turn’s locale');
    } finally {
      restore();
    }
  });

  it('the locale chain runs from most specific to English; a malformed tag is English', () => {
    assert.deepEqual(localeChain('en-CA'), ['en-CA', 'en']);
    assert.deepEqual(localeChain('fr-ca'), ['fr-CA', 'fr', 'en']);
    assert.deepEqual(localeChain('zh-Hant-TW'), ['zh-Hant-TW', 'zh-Hant', 'zh', 'en']);
    assert.deepEqual(localeChain(undefined), ['en']);
    assert.deepEqual(localeChain('../../etc/passwd'), ['en']);
    assert.deepEqual(localeChain(''), ['en']);
  });

  it("the turn's locale holds across awaits and ends with the turn", async () => {
    assert.equal(currentLocale(), 'en-CA', 'outside a turn: Canadian English');
    await inLocale('fr-CA', async () => {
      await new Promise((r) => setTimeout(r, 5));
      assert.equal(currentLocale(), 'fr-CA');
    });
    assert.equal(currentLocale(), 'en-CA');
  });

  it('lists are joined the locale’s way', () => {
    assert.equal(list(['2 names', '1 phone number'], 'en-CA'), '2 names and 1 phone number');
    assert.equal(list(['a', 'b', 'c'], 'en-CA'), 'a, b and c');
    assert.equal(list(['a', 'b', 'c'], 'fr-CA'), 'a, b et c');
    assert.equal(list(['a'], 'en'), 'a');
    assert.equal(list(['a', 'b', 'c']), 'a, b and c', 'outside a turn: en-CA');
    assert.equal(inLocale('en-CA', () => list(['a', 'b', 'c'])), 'a, b and c', 'the turn’s locale');
  });

  it('an unknown key is an error, never a silent blank', () => {
    assert.throws(() => t('router.noSuchMessage' as MessageKey), /No message "router.noSuchMessage"/);
  });

  describe('refuses a catalogue that would say the wrong thing, naming file and key', () => {
    it('no English catalogue', () => refused({ 'fr-CA.json': english }, /en\.json: missing/));
    it('a key English lacks', () => refused({ 'en.json': english, 'fr-CA.json': { router: { bye: 'Salut' } } }, /fr-CA\.json router\.bye: not in en\.json/));
    it('a placeholder renamed or dropped', () => {
      refused({ 'en.json': english, 'fr-CA.json': { router: { hello: 'Salut {nom}' } } }, /router\.hello: placeholders \{nom\} differ from en\.json's \{name\}/);
      refused({ 'en.json': english, 'fr-CA.json': { history: { count: 'des réflexions' } } }, /history\.count: placeholders/);
    });
    it('an apostrophe that turns a placeholder into text', () => refused({ 'en.json': { router: { word: "Is '{word}' a name?" } } }, /router\.word: a brace is shown as text/));
    it('a message that does not parse', () => refused({ 'en.json': { router: { broken: 'Hi {name' } } }, /router\.broken:/));
    it('a file name that is not a locale tag', () => {
      refused({ 'en.json': english, 'fr_CA.json': english }, /fr_CA\.json: the file name must be a locale tag/);
      refused({ 'en.json': english, 'french.json': english }, /french\.json: the file name must be a locale tag/);
      refused({ 'en.json': english, 'fr-ca.json': english }, /fr-ca\.json: .*\(fr-CA\.json\)/);
    });
    it('a shape the schema refuses (a key with a dot, a number, an empty message)', () => {
      refused({ 'en.json': { 'router.cancelled': 'x' } }, /en\.json/);
      refused({ 'en.json': { router: { count: 3 } } }, /en\.json router\.count/);
      refused({ 'en.json': { router: { empty: '' } } }, /en\.json router\.empty/);
    });
    it('a file that is not JSON', () => refused({ 'en.json': '{ "router": ' }, /en\.json: not JSON/));
  });
});
