import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_LOCALES_DIR, loadCatalogues, useCatalogues } from '../../services/catalogue';
import { Conversation, useBot } from '../helpers/bot';

// A person's locale comes from the activity (Teams and Web Chat send `locale`); a catalogue for it is a file.
describe('the person’s locale (HTTP)', () => {
  let restore: () => void;
  const nothing = "Il n'y a rien à annuler pour l'instant. Écrivez `help` pour voir ce que je peux faire.";

  before(async () => {
    // The shipped English and a tiny fr-CA fixture: the folder a new locale would be dropped into, no code changed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
    fs.copyFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), path.join(dir, 'en.json'));
    fs.writeFileSync(path.join(dir, 'fr-CA.json'), JSON.stringify({ router: { nothingToCancel: nothing } }));
    restore = useCatalogues(loadCatalogues(dir));
  });
  after(async () => {
    restore?.();
  });
  const bot = useBot(); // after the catalogues are in place

  it('fr-CA is answered from fr-CA.json; en-CA and an unknown locale in English', async () => {
    const c = new Conversation(bot().url);
    const fr = await c.post({ text: 'cancel', locale: 'fr-CA' });
    assert.equal(fr.activities[0]?.text, nothing);
    const en = await c.post({ text: 'cancel', locale: 'en-CA' });
    assert.equal(en.activities[0]?.text, "There's nothing to cancel right now. Type `help` to see what I can do.");
    const de = await c.post({ text: 'cancel', locale: 'de-DE' });
    assert.equal(de.activities[0]?.text, en.activities[0]?.text);
    const none = await c.post({ text: 'cancel', locale: undefined });
    assert.equal(none.activities[0]?.text, en.activities[0]?.text);
  });

  it('a message not yet translated is said in English to a fr-CA person', async () => {
    const c = new Conversation(bot().url);
    const { activities } = await c.post({ text: 'blorp', locale: 'fr-CA' });
    assert.equal(activities[0]?.text, "I didn't catch that. Type `reflect` to start a reflection, or `help` to see everything I can do.");
  });
});
