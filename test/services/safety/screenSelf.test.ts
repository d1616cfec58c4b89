// The risk screen's own-strand rules (services/safety/screen/self.ts, content/risk-terms.json context.self): in
// `reflect me` the worker's past, a death told as an event, someone's story and a meeting raise nothing unless the
// sentence says the risk is now; the worker's own suicide, overdose or self-harm risk is raised as psw_distress;
// a third person's risk keeps its kind. Figures: `npm run bench:screen` (docs/SAFETY.md).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compilePattern, content } from '../../../services/content';
import { riskCategories, screenRisk } from '../../../services/safety/screen';
import { normalise } from '../../../services/safety/screen/normalise';
import { SELF_TERM } from '../../../services/safety/screen/self';
import { screenAnswer } from '../../../services/safety/protocol';

const c = content();
const own = (text: string) => riskCategories(screenRisk(text, c, {}, { self: true }));
const other = (text: string) => riskCategories(screenRisk(text, c));

describe("risk screen: the worker's own strand (reflect me)", () => {
  it('a memory of their own past, a death told as an event, a story that stays, a meeting: nothing raised', () => {
    for (const text of [
      'it brought back memories of my own using days',
      'seeing the kit reminded me of my own overdose',
      'i was suicidal myself at 19 so i knew what he meant',
      'one of my clients died of an overdose on the weekend and im still processing it',
      'i was the one who found him after he od’d and i keep replaying it',
      'the way she described finding her brother after he hanged himself stays with me',
      'i needed a meeting after that, talked to my sponsor about the cravings',
    ]) {
      assert.deepEqual(own(text), [], text);
    }
  });

  it('the same sentences are still screened as before outside the own strand (the rules are for reflect me only)', () => {
    // A memory the patterns flag, so the test rests on the strands' rules, not on what a retrained classifier reads.
    // In a debrief the worker writing of themselves alone also gets their own supports (psw_distress).
    assert.deepEqual(other('it brought back memories of my own overdose'), ['overdose', 'psw_distress']);
    assert.deepEqual(other('one of my clients died of an overdose on the weekend and im still processing it'), ['overdose']);
  });

  it('the worker’s own risk now is raised as their own distress, never as a client kind', () => {
    for (const text of [
      "i used again last night and i don't want to be here",
      'been thinking about using to cope',
      "i can't keep doing this, i want it to stop",
      'some nights i think everyone would be better off without me',
      'i cut myself last night for the first time in years',
      "I'm scared I'll overdose if I pick up again",
    ]) {
      assert.deepEqual(own(text), ['psw_distress'], text);
    }
  });

  it('a cue that the risk is now outweighs the memory or the grief in its sentence', () => {
    assert.deepEqual(own('tbh i picked up after her funeral and ive been using since'), ['psw_distress']);
    assert.deepEqual(own('it brought back memories and i relapsed on the weekend'), ['psw_distress']);
  });

  it('their own risk said plainly now is raised even in a sentence about a memory or a death', () => {
    for (const text of [
      'i keep thinking about killing myself since the funeral',
      "the memorial was today and i don't want to be here",
      'i remember it all and i want to kill myself',
      'after the funeral i went home and took a handful of pills',
    ]) {
      assert.deepEqual(own(text), ['psw_distress'], text);
    }
  });

  it('the worker and someone else at risk in one sentence: both kinds, so neither response is lost', () => {
    assert.deepEqual(own('since he died i want to die too'), ['suicide', 'psw_distress']);
    assert.deepEqual(own("i'm still thinking about ending it all since she passed"), ['suicide', 'psw_distress']);
  });

  it('phrases that are risk only when the worker says them of themselves', () => {
    assert.deepEqual(own('i used to cut, and last night i did it again'), ['psw_distress']);
    assert.deepEqual(own("i've been saving my sleeping pills, just in case"), ['psw_distress']);
    // Elsewhere the own-strand rule does not run (the classifier may still read a worker's own stockpiling as theirs).
    assert.ok(!screenRisk("i've been saving my sleeping pills, just in case", c).some((h) => h.termId === SELF_TERM), 'not a rule outside the own strand');
  });

  it('a third person’s risk told in the own strand keeps its kind', () => {
    assert.deepEqual(own('im worried about my client, she told me tonight she has a plan to kill herself'), ['suicide']);
    assert.ok(own("he's using alone again in his room").includes('overdose'));
  });

  it('reads sentence by sentence: a reflective sentence does not hide a current one beside it', () => {
    assert.deepEqual(own('it brought back memories of my own using days. i want to use so bad right now'), ['psw_distress']);
    assert.deepEqual(own('her funeral was today. she od’d alone in her room'), []);
  });

  it('the context layer switched off switches the own-strand rules off too (only for measuring)', () => {
    assert.deepEqual(riskCategories(screenRisk('it brought back memories of my own overdose', c, { context: false }, { self: true })), ['overdose']);
  });

  it('reaches the dialogs through screenAnswer', () => {
    assert.deepEqual(screenAnswer('it brought back memories of my own overdose', [], c, { self: true }), { all: [], fresh: [] });
    assert.deepEqual(screenAnswer('i used again last night', ['psw_distress'], c, { self: true }), { all: ['psw_distress'], fresh: [] });
  });

  it("each own-strand cue matches its examples, and its source is known", () => {
    const file = JSON.parse(fs.readFileSync(path.join(c.dir, 'risk-terms.json'), 'utf8')) as { context: { self: Record<string, { pattern: string; source: string; examples: string[] }> } };
    const cues = Object.values(file.context.self);
    assert.equal(cues.length, 3);
    for (const cue of cues) {
      assert.ok(c.sourceById.has(cue.source), cue.source);
      for (const ex of cue.examples) assert.match(normalise(ex), compilePattern(cue.pattern, 'i'), ex);
    }
  });

  it('the command line screens as the own strand with --self', function () {
    this.timeout(120000); // two node processes with tsx, on a shared machine
    const repo = path.join(__dirname, '..', '..', '..');
    const input = [JSON.stringify({ id: 'm', text: 'it brought back memories of my own overdose' }), JSON.stringify({ id: 'n', text: 'i used again last night' })].join('\n') + '\n';
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'services/safety/cli.ts'), ...args], { input, encoding: 'utf8', cwd: repo, timeout: 60000 });
    const lines = (args: string[]) => {
      const r = run(args);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    };
    assert.deepEqual(lines(['--jsonl', '--self']), [
      { id: 'm', risk: false, kinds: [] },
      { id: 'n', risk: true, kinds: ['psw_distress'] },
    ]);
    assert.deepEqual(lines(['--jsonl'])[0], { id: 'm', risk: true, kinds: ['overdose', 'psw_distress'] }, 'without --self, as the other strands screen it');
  });
});
