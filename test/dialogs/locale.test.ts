import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_LOCALES_DIR, loadCatalogues, useCatalogues } from '../../services/catalogue';
import { installWebChat } from '../../bot/webchat';
import { Conversation, useBot } from '../helpers/bot';

// A person's locale comes from the activity (Teams and Web Chat send `locale`); a catalogue for it is a file.
describe('the person’s locale (HTTP)', () => {
  let restore: () => void;
  const nothing = "Il n'y a rien à annuler pour l'instant. Écrivez `help` pour voir ce que je peux faire.";

  before(async () => {
    // The shipped English and a tiny fr-CA fixture: the folder a new locale would be dropped into, no code changed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
    fs.copyFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), path.join(dir, 'en.json'));
    fs.writeFileSync(path.join(dir, 'fr-CA.json'), JSON.stringify({
      router: { nothingToCancel: nothing },
      reminders: { rule: { days: '{time} le {days}' }, stopButton: 'Arrêter : {rule}' },
      web: { pageTitle: 'PeerReflect — clavardage local', roles: { psw: 'Faire le point après le temps passé avec un client.' } },
    }));
    restore = useCatalogues(loadCatalogues(dir));
  });
  after(async () => {
    restore?.();
  });
  const bot = useBot({ extraRoutes: [installWebChat] }); // after the catalogues are in place

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

  it('a button’s label, a reminder’s rule and its weekday names switch to fr-CA (luxon in the person’s locale)', async () => {
    const c = new Conversation(bot().url);
    const set = await c.post({ text: 'remind me at 9:00 mon wed', locale: 'fr-CA' });
    assert.match(set.activities[0]?.text ?? '', /9 h 00 le lundi et mercredi/, 'the rule from fr-CA.json, the days from luxon');
    const list = await c.post({ text: 'reminders', locale: 'fr-CA' });
    const titles = list.activities.flatMap((a) => a.attachments ?? []).flatMap((a) => ((a.content as { actions?: { title: string }[] }).actions ?? []).map((b) => b.title));
    assert.deepEqual(titles, ['Arrêter : 9 h 00 le lundi et mercredi']);
    const en = await c.post({ text: 'reminders', locale: 'en-CA' });
    assert.match(en.activities[0]?.text ?? '', /9:00 am on Monday and Wednesday/);
  });

  it('the web chat page, and what each identity is for, are in the browser’s language', async () => {
    const fr = await fetch(`${bot().url}/`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' } });
    const page = await fr.text();
    assert.match(page, /<html lang="fr-CA">/);
    assert.match(page, /<title>PeerReflect — clavardage local<\/title>/);
    assert.match(page, /Who are you today\?/, 'a message fr-CA.json leaves out is English');
    const en = await (await fetch(`${bot().url}/`, { headers: { 'accept-language': 'en-US' } })).text();
    assert.match(en, /<html lang="en-CA">/, 'English is the catalogue’s own, Canadian');
    assert.match(en, /<title>PeerReflect — local chat<\/title>/);
    assert.doesNotMatch(en, /\{\{/, 'every marker filled');
    const words = JSON.parse(/<script type="application\/json" id="page-words">([^<]*)<\/script>/.exec(en)![1]!) as { locale: string; words: Record<string, string> };
    assert.equal(words.words.placeholder, 'Type your message');
    const { identities } = (await (await fetch(`${bot().url}/webchat/identities`, { headers: { 'accept-language': 'fr-CA' } })).json()) as { identities: { role: string; description: string }[] };
    assert.equal(identities.find((i) => i.role === 'psw')?.description, 'Faire le point après le temps passé avec un client.');
  });

  it('a message not yet translated is said in English to a fr-CA person', async () => {
    const c = new Conversation(bot().url);
    const { activities } = await c.post({ text: 'blorp', locale: 'fr-CA' });
    assert.equal(activities[0]?.text, "I didn't catch that. Type `reflect` to start a reflection, or `help` to see everything I can do.");
  });
});
