// The admin's view over HTTP (issue 15, item 6): roster changes appear in `audit` with what changed, a reader
// renamed since is shown by the alias they had when they read, and an admin's self-grant is refused in words.
import assert from 'node:assert/strict';
import { Conversation, useBot, visibleText } from '../helpers/bot';

describe('roster changes in the audit trail, over HTTP', () => {
  const bot = useBot();

  it('shows who changed what, and names a renamed reader as they were', async () => {
    const admin = new Conversation(bot().url);
    const sup = new Conversation(bot().url);
    const { roster } = bot().app.supervision;
    assert.ok((await roster.add({ channelId: admin.userId, role: 'admin', alias: 'Admin A' })).ok);
    assert.ok((await roster.add({ channelId: sup.userId, role: 'supervisor', alias: 'Sup 1' })).ok);
    assert.ok((await roster.add({ channelId: 'psw-http-1', role: 'psw', alias: 'PSW 1' })).ok);

    assert.match(visibleText(await admin.say('roster supervisor PSW 1 to Sup 1')), /Done\. PSW 1/);
    assert.match(visibleText(await sup.say('summary PSW 1')), /PSW 1|no shared reflections|nothing/i);
    assert.match(visibleText(await admin.say('roster alias Sup 1 to Sup 2')), /Done\. Sup 2/);

    const audit = visibleText(await admin.say('audit'));
    assert.match(audit, /Admin A · changed the roster \(supervisor none → Sup 1\) · PSW 1/);
    assert.match(audit, /Admin A · changed the roster \(alias Sup 1 → Sup 2\) · Sup 2/);
    assert.match(audit, /Sup 1 \(now Sup 2\) · read shared reflections · PSW 1/);
  });

  it("refuses an admin's self-grant and an identifying alias with a clear sentence", async () => {
    const admin = new Conversation(bot().url);
    assert.ok((await bot().app.supervision.roster.add({ channelId: admin.userId, role: 'admin', alias: 'Admin B' })).ok);
    assert.match(visibleText(await admin.say('roster role Admin B to supervisor')), /Another admin has to make that change/);
    assert.match(visibleText(await admin.say('roster add aad-someone psw Maria Lopez')), /looks like a real name/);
    assert.match(visibleText(await admin.say('roster team Admin B to 416 555 0199')), /team name looks like/);
  });
});
