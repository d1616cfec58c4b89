// The supervisor's side of the loop in a real browser (issue 14): Supervisor 1 opens the local web chat, types
// `flags`, taps the relationship PSW 1 flagged for supervision, types a note and sees it marked talked through; the
// record holds the note de-identified.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SAMPLE_ROSTER_FILE } from '../../services/localIdentities';
import { parseRosterFile } from '../../services/roster';
import { putRelationship } from '../services/supervision/fixtures';
import { useWebChat } from './webchatPage';

describe('a supervisor closes a flag in the web chat (chromium)', function () {
  this.timeout(60_000);
  const { bot, chat } = useWebChat();

  before(async () => {
    await bot().app.supervision.roster.seedMissing(parseRosterFile(readFileSync(SAMPLE_ROSTER_FILE, 'utf8')));
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await putRelationship(bot().app, bot().app.personIdFor('local-psw-1'), {
      clientCode: 'W-3', lastReflectionAt: new Date().toISOString(),
      stall: { stage: 'trust', since, source: 'reported', strategiesTried: [], flaggedForSupervision: true },
    });
  });

  it('lists the flag with what it invites, takes a tap and a typed note, and records it', async () => {
    await chat().open(bot().url);
    await chat().choose('local-supervisor');
    const list = await chat().ask('flags', /One thing is waiting for you/);
    assert.match(list, /Invites a learning conversation \(formative\)/);
    await chat().tap('PSW 1 · W-3: stuck at Building trust', /Anything to note from the conversation\?/);
    await chat().ask('Talked it through with Jordan Smith; trying a warm handoff next week', /Marked as talked through: PSW 1 · W-3: stuck at Building trust, with your note\. Nothing else is waiting\./);
    const [record] = await bot().app.supervision.records.ofPsw(bot().app.personIdFor('local-psw-1'));
    assert.equal(record?.action, 'discussed');
    assert.doesNotMatch(record!.note!.text, /Jordan|Smith/);
    assert.match(record!.note!.text, /trying a warm handoff next week/);
  });
});
