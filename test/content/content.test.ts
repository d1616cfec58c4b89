import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONTENT_FILES,
  ContentError,
  DEFAULT_CONTENT_DIR,
  OWN_SOURCE,
  RISK_CATEGORIES,
  STAGE_IDS,
  citeSource,
  content,
  loadContent,
  loadSafetyProtocolFile,
  resetContentCache,
  type Content,
} from '../../services/content';

// biome-ignore lint/suspicious/noExplicitAny: these tests break content files at arbitrary JSON paths
type Json = Record<string, any>;

/** Copies the JSON content files to a temp dir, lets `edit` change one, and returns the dir. */
function brokenCopy(file: string, edit: (data: Json) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-content-'));
  for (const f of Object.values(CONTENT_FILES)) fs.copyFileSync(path.join(DEFAULT_CONTENT_DIR, f), path.join(dir, f));
  const p = path.join(dir, file);
  const data = JSON.parse(fs.readFileSync(p, 'utf8')) as Json;
  edit(data);
  fs.writeFileSync(p, JSON.stringify(data, null, 2));
  return dir;
}

function expectContentError(dir: string, file: string, pointer: string | RegExp, detail: RegExp): ContentError {
  try {
    loadContent(dir);
  } catch (err) {
    assert.ok(err instanceof ContentError, `expected a ContentError, got ${String(err)}`);
    assert.ok(err.file.endsWith(file), `error names ${err.file}, expected ${file}`);
    if (typeof pointer === 'string') assert.equal(err.pointer, pointer);
    else assert.match(err.pointer, pointer);
    assert.match(err.message, detail);
    assert.ok(err.message.includes(file) && err.message.includes(err.pointer), 'the message names file and path');
    return err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.fail('loadContent accepted a broken file');
}

/** Every object in the tree that carries a `source`, with its pointer. */
function sourced(value: unknown, pointer = ''): { pointer: string; source: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourced(v, `${pointer}/${i}`));
  if (!value || typeof value !== 'object') return [];
  const out: { pointer: string; source: string }[] = [];
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'source' || k.endsWith('Source')) && typeof v === 'string') out.push({ pointer: `${pointer}/${k}`, source: v });
    else out.push(...sourced(v, `${pointer}/${k}`));
  }
  return out;
}

describe('content', () => {
  let c: Content;
  before(() => {
    c = loadContent();
  });

  it('has the four stages in model order with their titles and 3–5 prompts each', () => {
    assert.deepEqual(c.stages.map((s) => s.id), [...STAGE_IDS]);
    assert.deepEqual(
      c.stages.map((s) => s.title),
      ['Building trust', 'Fostering the relationship', 'Bridging to services', 'Launching towards independence'],
    );
    for (const s of c.stages) {
      assert.ok(s.prompts.length >= 3 && s.prompts.length <= 5, `${s.id} has ${s.prompts.length} prompts`);
      assert.equal(c.stageById[s.id], s);
      assert.equal(s.source, 'choi2025');
    }
  });

  it('keeps prompts brief and never asks for identifying details', () => {
    const prompts = [
      ...c.stages.flatMap((s) => s.prompts),
      ...STAGE_IDS.flatMap((s) => c.stalls[s].questions),
      ...c.onboarding.modules.map((m) => m.reflect),
    ];
    for (const p of prompts) {
      assert.ok(p.text.length <= 110, `${p.id} is long for a phone (${p.text.length})`);
      assert.doesNotMatch(p.text, /\b((?:their|his|her|client'?s|full|first|last) names?|name of|address|phone number|birth|how old|age|where (?:do|does) (?:they|he|she) live|street|email|date)\b/i, p.id);
    }
  });

  it('gives every item a source listed in sources.json, and cites the paper only as its abstract allows', () => {
    for (const [file, data] of [
      ['stages', c.stages],
      ['stageFinder', c.stageFinder],
      ['stalls', c.stalls],
      ['stallLanguage', c.stallLanguage],
      ['riskTerms', c.riskTerms],
      ['safetyProtocol', c.safetyProtocol],
      ['onboarding', c.onboarding],
    ] as const) {
      for (const s of sourced(data)) assert.ok(c.sourceById.has(s.source), `${file}${s.pointer}: unknown source ${s.source}`);
    }
    assert.ok(c.sourceById.has(OWN_SOURCE));
    // The paper (abstract only) backs the stages themselves, not prompts or strategies.
    const paperItems = sourced({ stages: c.stages, stalls: c.stalls, lang: c.stallLanguage, finder: c.stageFinder.indicators }).filter(
      (s) => s.source === 'choi2025',
    );
    assert.ok(paperItems.every((s) => /^\/stages\/\d+\/source$/.test(s.pointer)), JSON.stringify(paperItems));
    assert.match(citeSource('choi2025', c), /Choi J, Jackson J, Perry S\. \(2025\)\. A grounded theory of Creating Connection/);
  });

  it('has 8–12 stage-finder indicators covering every stage', () => {
    const ind = c.stageFinder.indicators;
    assert.ok(ind.length >= 8 && ind.length <= 12);
    for (const s of STAGE_IDS) assert.ok(ind.some((i) => i.stage === s), `no indicator for ${s}`);
  });

  it('has stall material for every stage, richest for trust and bridging (the stages marked stallFocus)', () => {
    for (const s of STAGE_IDS) assert.ok(c.stalls[s].questions.length >= 1 && c.stalls[s].strategies.length >= 1);
    assert.deepEqual(c.stages.filter((s) => s.stallFocus).map((s) => s.id), ['trust', 'bridging']);
    for (const s of ['trust', 'bridging'] as const) {
      assert.ok(c.stalls[s].strategies.length >= 5);
      assert.ok(c.stalls[s].strategies.length > c.stalls.fostering.strategies.length);
      assert.ok(c.stalls[s].strategies.length > c.stalls.launching.strategies.length);
    }
    for (const s of STAGE_IDS) for (const st of c.stalls[s].strategies) assert.ok(st.title.length <= 30, st.id);
  });

  it('gives every stage at least 4 stall questions, 5 strategies and 2 stall phrases (issue 18)', () => {
    for (const s of STAGE_IDS) {
      assert.ok(c.stalls[s].questions.length >= 4, `${s}: ${c.stalls[s].questions.length} questions`);
      assert.ok(c.stalls[s].strategies.length >= 5, `${s}: ${c.stalls[s].strategies.length} strategies`);
      const phrases = c.stallLanguage.filter((p) => p.stage === s);
      assert.ok(phrases.length >= 2, `${s}: ${phrases.length} stall phrases`);
    }
  });

  it("carries harm reduction, cultural safety and Gibbs' evaluation and analysis into the stages", () => {
    const stallItems = STAGE_IDS.flatMap((s) => [...c.stalls[s].questions, ...c.stalls[s].strategies].map((i) => ({ stage: s, source: i.source })));
    // Harm reduction at every stage: safer use as a goal, trust not conditional on abstinence.
    for (const s of STAGE_IDS) {
      assert.ok(stallItems.some((i) => i.stage === s && ['nhrc-principles', 'samhsa-od-toolkit', 'nors'].includes(i.source)), `no harm-reduction item for ${s}`);
    }
    // Indigenous clients (Elders, ceremony, community; harm done by services) and newcomers and racialised clients.
    const text = JSON.stringify({ stages: c.stages, stalls: c.stalls, onboarding: c.onboarding });
    assert.match(text, /Elders?/);
    assert.match(text, /ceremony/);
    assert.ok(stallItems.some((i) => i.stage === 'trust' && i.source === 'fnmwc2015'));
    assert.ok(stallItems.some((i) => i.stage === 'bridging' && i.source === 'mhcc-diversity2016'));
    // Every stage's debrief asks the evaluation/analysis question: what went well, what didn't, why or what else.
    for (const st of c.stages) {
      assert.ok(st.prompts.some((p) => p.source === 'gibbs1988' && /(went|gone) well/i.test(p.text) && /(why|differently|what else)/i.test(p.text)), `${st.id} has no evaluation prompt`);
    }
  });

  it(`onboarding: a later-stage stall that is really a break in trust; the bridging check puts the client's wish first; no heading gives a "which stage" answer away`, () => {
    const launching = c.onboarding.modules.find((m) => m.stage === 'launching')!;
    assert.equal(launching.check.answer, 'trust', 'the launching-stage vignette teaches: check trust first');
    assert.match(launching.check.feedback, /trust/i);
    const bridging = c.onboarding.modules.find((m) => m.stage === 'bridging')!;
    const answer = bridging.check.choices.find((x) => x.id === bridging.check.answer)!;
    assert.match(answer.text, /what they want/);
    assert.ok(bridging.check.choices.find((x) => x.id === 'go-with')?.feedback, 'going with them is not the first step');
    for (const m of c.onboarding.modules) {
      if (!/which stage/i.test(m.check.question)) continue;
      const right = m.check.choices.find((x) => x.id === m.check.answer)!;
      assert.ok(!m.title.toLowerCase().includes(right.text.toLowerCase()), `${m.id}: the title "${m.title}" gives away "${right.text}"`);
    }
  });

  it('has all six risk categories and the default crisis contacts', () => {
    assert.deepEqual(c.riskTerms.map((r) => r.id), [...RISK_CATEGORIES]);
    const contacts = c.safetyProtocol.contacts;
    const ca = contacts.find((x) => x.id === 'ca-988');
    const us = contacts.find((x) => x.id === 'us-988');
    const em = contacts.find((x) => x.id === 'emergency-911');
    assert.ok(ca && /call or text 988/i.test(ca.detail) && ca.region === 'CA');
    assert.ok(us && /988/.test(us.detail) && us.region === 'US');
    assert.ok(em && /911/.test(em.detail));
    for (const cat of RISK_CATEGORIES) assert.ok(em.for.includes(cat), `911 not offered for ${cat}`);
  });

  it('has an onboarding module per stage whose answers are among the choices', () => {
    assert.deepEqual(c.onboarding.modules.map((m) => m.stage), [...STAGE_IDS]);
    for (const m of c.onboarding.modules) {
      assert.ok(m.check.choices.length >= 3 && m.check.choices.length <= 4);
      assert.ok(m.check.choices.some((ch) => ch.id === m.check.answer));
      assert.ok(m.check.feedback.length > 20);
      assert.doesNotMatch(m.vignette.text, /\b(?:Mr|Mrs|Ms|Dr)\.? [A-Z]/, 'vignettes carry no names');
    }
    assert.ok(c.onboarding.intro.sections.some((s) => /trust/i.test(s.text)));
    assert.ok(c.onboarding.practice.text.length > 50);
  });

  it('caches content() and freezes it', () => {
    resetContentCache();
    const a = content();
    assert.equal(content(), a);
    assert.ok(Object.isFrozen(a.stages[0]!.prompts[0]));
    assert.throws(() => {
      (a.stages as unknown as Json[]).push({});
    }, TypeError);
    resetContentCache();
    assert.notEqual(content(), a);
  });

  describe('rejects broken files with one error naming file and path', () => {
    it('an unexpected property', () => {
      const dir = brokenCopy('stages.json', (d) => {
        d.stages[1].prompts[0].clientName = 'x';
      });
      expectContentError(dir, 'stages.json', '/stages/1/prompts/0', /unexpected property "clientName"/);
    });

    it('a missing source', () => {
      const dir = brokenCopy('stalls.json', (d) => {
        delete d.stalls[0].strategies[2].source;
      });
      expectContentError(dir, 'stalls.json', '/stalls/0/strategies/2', /missing required property "source"/);
    });

    it('a source not in sources.json (no invented citations)', () => {
      const dir = brokenCopy('stage-finder.json', (d) => {
        d.indicators[3].source = 'smith2024';
      });
      expectContentError(dir, 'stage-finder.json', '/indicators/3/source', /unknown source "smith2024"/);
    });

    it('a wrong stage id, and stages out of order', () => {
      expectContentError(
        brokenCopy('stages.json', (d) => {
          d.stages[0].id = 'rapport';
        }),
        'stages.json',
        '/stages/0/id',
        /must be equal to one of the allowed values/,
      );
      expectContentError(
        brokenCopy('stages.json', (d) => {
          d.stages.reverse();
        }),
        'stages.json',
        '/stages/0/id',
        /expected "trust"/,
      );
    });

    it('a stage missing, and a stage id elsewhere that is not one of STAGE_IDS (the one list the schemas use)', () => {
      expectContentError(
        brokenCopy('stages.json', (d) => {
          d.stages.pop();
        }),
        'stages.json',
        '/stages',
        /expected the 4 stages trust, fostering, bridging, launching, found 3/,
      );
      expectContentError(
        brokenCopy('stalls.json', (d) => {
          d.stalls[0].stage = 'rapport';
        }),
        'stalls.json',
        '/stalls/0/stage',
        /must be equal to one of the allowed values: \["trust","fostering","bridging","launching"\]/,
      );
    });

    it('a duplicate id, within a file and across files', () => {
      expectContentError(
        brokenCopy('stalls.json', (d) => {
          d.stalls[2].strategies[1].id = d.stalls[2].strategies[0].id;
        }),
        'stalls.json',
        '/stalls/2/strategies/1/id',
        /duplicate id "bridging-s-recheck"/,
      );
      expectContentError(
        brokenCopy('onboarding.json', (d) => {
          d.modules[0].reflect.id = 'trust-connection';
        }),
        'onboarding.json',
        '/modules/0/reflect/id',
        /duplicate id "trust-connection" \(first used in .*stages\.json/,
      );
    });

    it('too few strategies for trust', () => {
      const dir = brokenCopy('stalls.json', (d) => {
        d.stalls[0].strategies = d.stalls[0].strategies.slice(0, 4);
      });
      expectContentError(dir, 'stalls.json', '/stalls/0/strategies', /at least 5 strategies/);
    });

    it('a button title too long for a phone', () => {
      const dir = brokenCopy('stalls.json', (d) => {
        d.stalls[2].strategies[0].title = 'Check very carefully whether they still want it';
      });
      expectContentError(dir, 'stalls.json', '/stalls/2/strategies/0/title', /must NOT have more than 30 characters/);
    });

    it('an invalid regular expression, an unknown macro, and an example its pattern misses', () => {
      expectContentError(
        brokenCopy('risk-terms.json', (d) => {
          d.categories[1].patterns[0].pattern = 'suicid(e';
        }),
        'risk-terms.json',
        '/categories/1/patterns/0/pattern',
        /not a valid regular expression/,
      );
      expectContentError(
        brokenCopy('stall-language.json', (d) => {
          d.phrases[0].pattern = 'no {showz}';
        }),
        'stall-language.json',
        '/phrases/0/pattern',
        /unknown macro \{showz\}/,
      );
      expectContentError(
        brokenCopy('stall-language.json', (d) => {
          d.phrases[0].examples.push('they came on time');
        }),
        'stall-language.json',
        /^\/phrases\/0\/examples\/\d+$/,
        /does not match the pattern of "stall-no-show"/,
      );
    });

    it('an onboarding answer that is not a choice', () => {
      const dir = brokenCopy('onboarding.json', (d) => {
        d.modules[2].check.answer = 'nope';
      });
      expectContentError(dir, 'onboarding.json', '/modules/2/check/answer', /answer "nope" is not one of the choices/);
    });

    it('a missing risk category and a bad contact region', () => {
      let dropped = '';
      expectContentError(
        brokenCopy('risk-terms.json', (d) => {
          dropped = d.categories.pop().id;
        }),
        'risk-terms.json',
        '/categories',
        new RegExp(`missing the category "${dropped}"`),
      );
      expectContentError(
        brokenCopy('safety-protocol.json', (d) => {
          d.contacts[0].region = 'Canada';
        }),
        'safety-protocol.json',
        '/contacts/0/region',
        /must match pattern/,
      );
    });

    it('a protocol without a response for a kind, or with a kind that is not one of RISK_CATEGORIES (the one list)', () => {
      expectContentError(
        brokenCopy('safety-protocol.json', (d) => {
          delete d.kinds.abuse;
        }),
        'safety-protocol.json',
        '/kinds',
        /missing the response for "abuse"/,
      );
      expectContentError(
        brokenCopy('safety-protocol.json', (d) => {
          d.kinds.gambling = d.kinds.abuse;
        }),
        'safety-protocol.json',
        '/kinds',
        /"gambling": must be equal to one of the allowed values/,
      );
      expectContentError(
        brokenCopy('risk-terms.json', (d) => {
          d.categories[0].id = 'gambling';
        }),
        'risk-terms.json',
        '/categories/0/id',
        /must be equal to one of the allowed values: \["overdose","suicide","self_harm","harm_to_others","abuse","psw_distress"\]/,
      );
    });

    it('invalid JSON and a missing file', () => {
      const dir = brokenCopy('stages.json', () => undefined);
      fs.writeFileSync(path.join(dir, 'stages.json'), '{ "stages": [ ');
      expectContentError(dir, 'stages.json', '', /not valid JSON/);
      const dir2 = brokenCopy('stages.json', () => undefined);
      fs.rmSync(path.join(dir2, 'onboarding.json'));
      expectContentError(dir2, 'onboarding.json', '', /cannot read the file \(ENOENT\)/);
    });
  });

  describe('loadSafetyProtocolFile (organisation override)', () => {
    it('accepts a valid protocol and rejects a broken one', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerreflect-protocol-'));
      try {
        const base = JSON.parse(fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, 'safety-protocol.json'), 'utf8')) as Json;
        base.kinds.suicide.steps = ['Call the on-call line: 555-0100.', 'Follow the outreach safety protocol.'];
        const ok = path.join(dir, 'ok.json');
        fs.writeFileSync(ok, JSON.stringify(base));
        assert.deepEqual(loadSafetyProtocolFile(ok, c).kinds.suicide.steps, base.kinds.suicide.steps);

        delete base.contacts;
        const bad = path.join(dir, 'bad.json');
        fs.writeFileSync(bad, JSON.stringify(base));
        assert.throws(() => loadSafetyProtocolFile(bad, c), (e: unknown) => e instanceof ContentError && /missing required property "contacts"/.test(e.message) && e.file.endsWith('bad.json'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
