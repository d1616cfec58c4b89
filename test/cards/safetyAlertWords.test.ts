// A safety alert's words (cards/words/safetyAlert.ts): the delivery hands over data — who, the kinds, the client
// code, the person in line by alias and role — and these say it in the reader's locale as it is sent.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inLineName, safetyAlertText, safetyAlertUpdateText } from '../../cards/words/safetyAlert';
import { DEFAULT_LOCALES_DIR, inLocale, loadCatalogues, useCatalogues } from '../../services/catalogue';
import { content } from '../../services/content';

describe('a safety alert’s words (cards/words/safetyAlert.ts)', () => {
  const protocol = content().safetyProtocol;

  it('names the person in line by alias and how they stand to the PSW', () => {
    assert.equal(inLineName({ alias: 'Sup A', role: 'supervisor' }), 'Sup A (your supervisor)');
    assert.equal(inLineName({ alias: 'Sup B', role: 'teamSupervisor' }), 'Sup B (another supervisor on your team)');
    assert.equal(inLineName({ role: 'admin' }), 'an admin');
  });

  it('an alert from someone with no alias names no one, and keeps every kind with the serial comma', () => {
    const text = safetyAlertText(protocol, { categories: ['abuse', 'overdose', 'suicide'], forwarded: false });
    assert.equal(text, 'Safety alert from A peer support worker on your team: a possible concern (overdose, suicidal thoughts, and abuse or neglect) came up in a reflection. I haven’t included anything they wrote. Please check in with them soon, then type `flags` to mark it acknowledged.');
  });

  it('tells the PSW it reached someone; or that it didn’t, who is next, and the contacts only when asked for', () => {
    assert.equal(safetyAlertUpdateText(protocol, { status: 'delivered', to: { alias: 'Sup A', role: 'supervisor' } }), 'Your safety alert has reached Sup A (your supervisor). They\'ll check in with you.');
    const first = safetyAlertUpdateText(protocol, { status: 'notDelivered', to: { alias: 'Sup A', role: 'supervisor' }, next: { role: 'admin' }, contacts: { categories: ['overdose'], region: 'CA' } });
    assert.match(first, /^I couldn't get your safety alert through to Sup A \(your supervisor\)\. .* I'm sending it to an admin instead/);
    assert.match(first, /\n\nIf someone may be in danger, these can help right now:\n\*\*Emergency\*\*: Call 911/);
    assert.match(first, /National Overdose Response Service \(Canada\)/);
    assert.doesNotMatch(first, /\(US\)/, 'the PSW’s country only');
    const last = safetyAlertUpdateText(protocol, { status: 'notDelivered', to: { role: 'admin' } });
    assert.equal(last, `I couldn't get your safety alert through to an admin. Please reach them yourself now, by phone if you can. ${protocol.supervisorAlert.noOneLeft}`);
  });

  it('says the role in the reader’s locale (a fr-CA catalogue, no code)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-locales-'));
    fs.copyFileSync(path.join(DEFAULT_LOCALES_DIR, 'en.json'), path.join(dir, 'en.json'));
    fs.writeFileSync(path.join(dir, 'fr-CA.json'), JSON.stringify({
      safety: { alert: { role: '{role, select, supervisor {votre superviseur} admin {un administrateur} other {un autre superviseur de votre équipe}}' } },
    }));
    const restore = useCatalogues(loadCatalogues(dir));
    try {
      assert.equal(inLocale('fr-CA', () => inLineName({ alias: 'Sup B', role: 'teamSupervisor' })), 'Sup B (un autre superviseur de votre équipe)');
      assert.equal(inLocale('en-CA', () => inLineName({ role: 'admin' })), 'an admin');
    } finally {
      restore();
    }
  });
});
