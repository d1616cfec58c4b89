// The safety decisions as plain services: which categories pause (once each), which guidance and contacts
// show for them, and the alert's words (code and category, never text).
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import { alertText, safetyAlertId } from '../../services/safety/alerts';
import { protocolFor, screenAnswer } from '../../services/safety/protocol';

describe('safety protocol and alerts (services)', () => {
  const protocol = content().safetyProtocol;

  it('raises each category once: already-raised ones are flagged but do not pause again', () => {
    assert.deepEqual(screenAnswer('she overdosed and said she wanted to kill herself'), { all: ['overdose', 'suicide'], fresh: ['overdose', 'suicide'] });
    assert.deepEqual(screenAnswer('another overdose', ['overdose']), { all: ['overdose'], fresh: [] });
    assert.deepEqual(screenAnswer('she killed it at the interview'), { all: [], fresh: [] });
  });

  it('shows client guidance for client risk, the PSW’s own for distress, and only the contacts for those categories', () => {
    const od = protocolFor(protocol, ['overdose']);
    assert.deepEqual(od.sections.map((s) => s.audience), ['client']);
    assert.ok(od.contacts.some((k) => /Overdose Response/.test(k.label)));
    assert.ok(!od.contacts.some((k) => /988/.test(k.label)));
    const me = protocolFor(protocol, ['psw_distress']);
    assert.deepEqual(me.sections.map((s) => s.audience), ['psw']);
    assert.ok(me.contacts.some((k) => /9-8-8/.test(k.label)));
    assert.ok(!me.contacts.some((k) => /Overdose/.test(k.label)));
    assert.deepEqual(protocolFor(protocol, ['suicide', 'psw_distress']).sections.map((s) => s.audience), ['client', 'psw']);
  });

  it('words the alert with alias, code and category only; the id is fixed per debrief and category', () => {
    assert.match(alertText('PSW 3', 'overdose', 'C-14'), /PSW 3.*\(overdose\).*client C-14/);
    assert.doesNotMatch(alertText('PSW 3', 'psw_distress', 'C-14'), /C-14/, 'their own distress is not about a client');
    assert.equal(safetyAlertId('r1', 'abuse'), 'safety_alert|r1|abuse');
  });
});
