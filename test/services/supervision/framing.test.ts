// Proctor's three functions in how supervision flags are framed (issue 18): each flag names the kind of conversation
// it invites, in plain words, from sourced content.
import assert from 'node:assert/strict';
import { content } from '../../../services/content';
import { framing, safetyFlagKind } from '../../../services/supervision/framing';
import { t } from '../../../services/catalogue';

describe('supervision framing (Proctor)', () => {
  it('gives each flag the function it invites: formative for a stall, restorative for wellbeing, normative for safety', () => {
    assert.equal(framing('stall').function, 'formative');
    assert.equal(framing('selfCheck').function, 'restorative');
    assert.equal(framing('ownWellbeing').function, 'restorative');
    assert.equal(framing('clientSafety').function, 'normative');
    assert.equal(framing('stall').invites, "a learning conversation (formative): what they've tried and what might help next.");
    assert.match(framing('clientSafety').invites, /^a safety and standards conversation \(normative\): the safety protocol/);
    // Said as a sentence by the card (supervision.flags.invites).
    assert.equal(t('supervision.flags.invites', { invites: framing('stall').invites }), "Invites a learning conversation (formative): what they've tried and what might help next.");
  });

  it('maps the worker’s own distress to support and a concern about a client to the protocol', () => {
    assert.equal(safetyFlagKind('psw_distress'), 'ownWellbeing');
    for (const k of ['overdose', 'suicide', 'self_harm', 'harm_to_others', 'abuse']) assert.equal(safetyFlagKind(k), 'clientSafety');
  });

  it('cites Proctor for the three functions, and every flag line is short enough for a phone', () => {
    const { functions, flags } = content().supervision;
    for (const f of Object.values(functions)) assert.equal(f.source, 'proctor1986');
    for (const f of Object.values(flags)) assert.ok(content().sourceById.has(f.source));
    for (const k of ['stall', 'selfCheck', 'clientSafety', 'ownWellbeing'] as const) assert.ok(t('supervision.flags.invites', { invites: framing(k).invites }).length <= 120, framing(k).invites);
  });
});
