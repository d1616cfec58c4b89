// The safety decisions as plain services: which categories pause (once each), which response and contacts each
// kind gets (in the person's country), the alert's words (alias, code and every kind; never text), and whose
// country a time zone is.
import assert from 'node:assert/strict';
import { content, RISK_CATEGORIES, type RiskCategory, type SafetyProtocol } from '../../services/content';
import { safetyAlertText } from '../../cards/words/safetyAlert';
import { safetyAlertId } from '../../services/safety/alerts';
import { contactsFor, fillWho, protocolFor, screenAnswer } from '../../services/safety/protocol';
import { regionOf } from '../../services/safety/region';

/** The alert a supervisor reads: the delivery hands it over as data, cards/words/safetyAlert.ts says it. */
const alertText = (protocol: SafetyProtocol, who: string, categories: RiskCategory[], clientCode?: string, forwarded = false) =>
  safetyAlertText(protocol, { who, categories, ...(clientCode ? { clientCode } : {}), forwarded });

describe('safety protocol and alerts (services)', () => {
  const protocol = content().safetyProtocol;
  const labels = (kinds: Parameters<typeof contactsFor>[1], region?: 'CA' | 'US') => contactsFor(protocol, kinds, region).map((k) => `${k.label}: ${k.detail}`).join('\n');

  it('raises each category once: already-raised ones are flagged but do not pause again', () => {
    assert.deepEqual(screenAnswer('she overdosed and said she wanted to kill herself'), { all: ['overdose', 'suicide'], fresh: ['overdose', 'suicide'] });
    assert.deepEqual(screenAnswer('another overdose', ['overdose']), { all: ['overdose'], fresh: [] });
    assert.deepEqual(screenAnswer('she killed it at the interview'), { all: [], fresh: [] });
  });

  it('gives every kind its own response, with a duty to report for abuse and a duty to warn for threats', () => {
    for (const kind of RISK_CATEGORIES) {
      const view = protocolFor(protocol, [kind]);
      assert.deepEqual(view.sections.map((s) => s.kind), [kind]);
      assert.equal(view.sections[0]!.text, protocol.kinds[kind].text);
      assert.ok(view.contacts.some((k) => /911/.test(k.detail)), `${kind}: 911`);
    }
    const duties = (region?: 'CA' | 'US') => protocolFor(protocol, ['abuse'], region).sections[0]!.duties.map((d) => `${d.title}: ${d.text}`).join('\n');
    assert.match(duties('CA'), /^Duty to report: .*child protection.*Report it yourself/);
    assert.doesNotMatch(duties('CA'), /Adult Protective Services/);
    assert.match(duties('US'), /^Duty to report: .*child protective services.*Adult Protective Services/);
    assert.equal(duties().split('\n').length, 2, 'both when the country is unknown');
    assert.match(protocolFor(protocol, ['harm_to_others']).sections[0]!.duties[0]!.title, /Duty to warn/);
    assert.deepEqual(protocolFor(protocol, ['suicide']).sections[0]!.duties, []);
  });

  it('speaks to the PSW about their own distress, with their own supports and never a client crisis script', () => {
    const me = protocolFor(protocol, ['psw_distress'], 'CA');
    assert.deepEqual(me.sections.map((s) => s.audience), ['psw']);
    assert.match(me.sections[0]!.text, /You matter too/);
    const all = `${me.sections[0]!.steps.join('\n')}\n${me.contacts.map((k) => k.label).join('\n')}`;
    assert.match(all, /EAP/);
    assert.match(all, /supervisor/);
    assert.doesNotMatch(all, /Overdose|Childhelp|Kids Help|Poison/);
  });

  it('lists the real lines for each kind, in the person’s country', () => {
    assert.match(labels(['suicide'], 'CA'), /9-8-8.*\n.*1-855-242-3310/s);
    assert.match(labels(['suicide'], 'CA'), /1-800-668-6868/);
    assert.doesNotMatch(labels(['suicide'], 'CA'), /\(US\)/);
    assert.match(labels(['overdose'], 'CA'), /1-888-688-6677/);
    assert.match(labels(['overdose'], 'CA'), /1-844-764-7669/);
    assert.match(labels(['overdose'], 'US'), /1-800-484-3731/);
    assert.match(labels(['overdose'], 'US'), /1-800-222-1222/);
    assert.doesNotMatch(labels(['overdose'], 'US'), /Canada/);
    assert.match(labels(['abuse'], 'US'), /1-800-422-4453/);
    assert.match(labels(['abuse'], 'US'), /1-800-799-7233/);
    assert.match(labels(['abuse'], 'US'), /1-800-677-1116/);
    assert.match(labels(['abuse'], 'CA'), /sheltersafe\.ca/);
    assert.match(labels(['psw_distress'], 'US'), /988.*\n.*1-800-662-4357/s);
    // Unknown country: every region's lines, never none.
    assert.match(labels(['suicide']), /Canada.*\n.*\(US\)/s);
  });

  it('shows client kinds before the PSW’s own, and a step two kinds share only once', () => {
    const view = protocolFor(protocol, ['psw_distress', 'self_harm', 'suicide']);
    assert.deepEqual(view.sections.map((s) => s.kind), ['suicide', 'self_harm', 'psw_distress']);
    const steps = view.sections.flatMap((s) => s.steps);
    assert.equal(steps.length, new Set(steps).size);
    assert.equal(steps.filter((s) => /follow your agency's safety plan/.test(s)).length, 1);
  });

  it('words the alert with alias, code and every kind found; their own distress is not about a client', () => {
    assert.match(alertText(protocol, 'PSW 3', ['overdose'], 'C-14'), /PSW 3.*\(overdose\).*client C-14/);
    assert.match(alertText(protocol, 'PSW 3', ['suicide', 'overdose', 'abuse'], 'C-14'), /\(overdose, suicidal thoughts, and abuse or neglect\)/);
    const mixed = alertText(protocol, 'PSW 3', ['overdose', 'psw_distress'], 'C-14');
    assert.match(mixed, /\(overdose\).*support themselves/);
    const own = alertText(protocol, 'PSW 3', ['psw_distress'], 'C-14');
    assert.doesNotMatch(own, /C-14/);
    assert.match(own, /could use some support/);
    assert.match(alertText(protocol, 'PSW 3', ['overdose'], 'C-14', true), /supervisor couldn’t be reached, so it has come to you/);
    assert.equal(safetyAlertId('r1'), 'safety_alert|r1');
    assert.match(fillWho(protocol.supervisorAlert.delivered, 'Sup 1 (your supervisor)'), /^Your safety alert has reached Sup 1 \(your supervisor\)\./);
  });

  it('places a time zone in Canada or the US, and says so when it cannot', () => {
    for (const z of ['America/Toronto', 'America/Vancouver', 'America/St_Johns', 'America/Winnipeg', 'America/Halifax', 'America/Edmonton', 'America/Regina', 'America/Whitehorse', 'Canada/Eastern'])
      assert.equal(regionOf(z), 'CA', z);
    for (const z of ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Indiana/Indianapolis', 'America/Kentucky/Louisville', 'Pacific/Honolulu', 'America/Anchorage', 'US/Central'])
      assert.equal(regionOf(z), 'US', z);
    for (const z of ['Europe/London', 'America/Mexico_City', 'UTC', '', undefined]) assert.equal(regionOf(z), undefined, String(z));
  });
});
