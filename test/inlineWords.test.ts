// Every word a person reads is in the message catalogue (content/locales/en.json, said with t()), so a new locale
// is a new file. This reads bot/, dialogs/, cards/ and services/ for string literals that look like a sentence
// (three words or more) outside t(); bot/, dialogs/ and cards/ also for any word at all handed to a card, button,
// fact, heading or reply (a short label: "Stall", "Your team"); and web/ for text in the page or its script.
// Files whose text no person reads in a chat or card are listed in NOT_SPOKEN, and modules not yet moved in
// STILL_INLINE — each with its reason; STILL_INLINE can only shrink.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Modules that still say words inline, how many, and why they have not moved yet: lower the number as they move, never raise it. */
const STILL_INLINE: Record<string, { count: number; reason: string }> = {};

/** Text that is not said to a person in a chat or card: HTTP errors for API clients, operator console lines, words matched but never shown. */
const NOT_SPOKEN: Record<string, string> = {
  'bot/httpGuards.ts': 'refusals of malformed HTTP requests, for the client that sent them',
  'bot/index.ts': 'the console line an operator sees at start',
  'bot/loopback.ts': 'refusals and errors of local mode, for developers',
  'bot/stateStorage.ts': 'error messages inside the storage layer',
  'bot/webchat.ts': 'the page’s Content-Security-Policy header (its words are web.* in the catalogue, bot/webchatPage.ts)',
  'bot/server.ts': 'the HTTP 500 body when an activity cannot be handled, for the channel',
  'bot/warmUpNotes.ts': 'synthetic notes the de-identifier reads at boot to warm up (bot/warmUp.ts), never shown',
  'bot/invokes.ts': 'the health check’s and sign-in refusal’s fields, read by Teams (its one sentence is bot.notHere)',
  'services/config.ts': 'configuration errors, for the operator starting the server',
  'services/secret.ts': 'why the server did not start, for the operator',
  'services/telemetry.ts': 'metric descriptions, for Application Insights',
  'services/content/checks.ts': 'content errors, for whoever edits content/',
  'services/content/cli.ts': 'a command-line tool’s output',
  'services/deidentify/cli.ts': 'a command-line tool’s output',
  'services/safety/cli.ts': 'a command-line tool’s output',
  'services/storage/embedded.ts': 'why the embedded store did not start, for the operator',
  'services/storage/journal.ts': 'journal damage, for the operator (npm run store)',
  'services/storage/lock.ts': 'a held DATA_DIR, for the operator',
  'services/storage/refused.ts': 'why the store refused to start, for the operator',
  'services/deidentify/address.ts': 'word lists the de-identifier matches in what a person typed, never shown',
  'services/deidentify/compounds.ts': 'affixes and endings the de-identifier matches in hyphenated words, never shown',
  'services/deidentify/facility.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/lexicon.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/messy.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/giving.ts': 'verbs that give and the words of a thing given, matched around a person, never shown',
  'services/deidentify/handleNames.ts': 'platform and contact words matched around the owner of a hidden handle, never shown',
  'services/deidentify/nameTails.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/foreignPlaces.ts': 'French and Spanish function words, days and place kinds matched around a place, never shown',
  'services/deidentify/deidentify.ts': 'cue words the de-identifier matches, never shown',
  'services/deidentify/patterns.ts': 'label words the de-identifier matches, never shown',
  'services/deidentify/wordsInPlace.ts': 'function words the de-identifier matches, never shown',
  'services/deidentify/wordSenses.ts': 'context words the de-identifier matches around a word-name, never shown',
  'services/deidentify/messyPatterns.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/names.ts': 'word lists the de-identifier matches, never shown',
  'services/deidentify/namedAs.ts': 'naming phrases and the words after them the de-identifier matches, never shown',
  'services/deidentify/towns.ts': 'place words the de-identifier matches before a town, never shown',
  'services/deidentify/classifier/model.ts': 'person verbs the name classifier asks after, never shown',
  'services/safety/screen/classifier.ts': 'common words the screen classifier reads only in pairs, never shown',
  'services/safety/screen/normalise.ts': 'phrases the safety screen matches, never shown',
  'services/safety/screen/wordClasses.ts': 'word lists the safety screen matches, never shown',
  'services/safety/screen/vocabulary.ts': 'the calendar words of the screen classifier’s fixed vocabulary, never shown',
  'services/reminders/rule.ts': 'day words the reminder parser reads in what a person typed, never shown',
};

const SENTENCE = /[A-Za-z’']{2,}[,.;:?!]? [A-Za-z’']{2,}[,.;:?!]? [A-Za-z’']{2,}/;
// Lines whose strings are not said: logs, thrown errors, imports, words a person may type (matched, never shown), queries.
const SKIP_LINE = /\blog\.(info|warn|error|debug)|Error\(|^\s*import |synonyms:|phrases:|\bSELECT\b|\bFROM c\b|\bc\.\w+, c\./;
const LITERAL = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
/** Where a literal is something a person reads: handed to a card, button or reply builder, or a card's title, label, text… */
const LABEL_AT = new RegExp(String.raw`(?:\b(?:textBlock|submit|commandButton|sendActivity)\(\s*|\b(?:title|label|placeholder|errorMessage|fallbackText|legend|text|heading|altText|speak|summary|detail|prompt)\s*:\s*)(?:${LITERAL.source})`, 'g');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

function codeLines(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return code.split('\n').filter((line) => !SKIP_LINE.test(line));
}

const words = (m: RegExpMatchArray): string => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' x ').replace(/\\[nrt]/g, ' ');
const KEY = /^[a-z]\w*(?:\.\w+)+$/;

/** The sentence-like string literals of a source, outside comments and skipped lines. */
function inlineSentences(source: string): string[] {
  return codeLines(source).flatMap((line) => [...line.matchAll(LITERAL)].map(words).filter((text) => SENTENCE.test(text)));
}

/** Literals with a word in them (two letters or more) where a person reads them: "Stall", "Your team", `${n} of 5`. */
function inlineLabels(source: string): string[] {
  return codeLines(source).flatMap((line) => [...line.matchAll(LABEL_AT)].map(words).filter((text) => !KEY.test(text) && /[A-Za-z]{2,}/.test(text.replace(/\bx\b/g, ''))));
}

/** The text of an HTML page outside tags, comments and {{catalogue keys}}, and attribute values a person reads. */
function pageText(html: string): string[] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  const text = body.replace(/<[^>]*>/g, '\n').split('\n').map((s) => s.replace(/\{\{[\w.]+\}\}/g, '').trim()).filter((s) => /[A-Za-z]{2,}/.test(s) && s !== 'PeerReflect' && s !== 'PR');
  const attributes = [...body.matchAll(/\b(?:aria-label|placeholder|title|alt)="([^"]*)"/g)].map((m) => m[1]!).filter((v) => !/^\{\{[\w.]+\}\}$/.test(v));
  return [...text, ...attributes];
}

describe('every word a person reads is in the catalogue', () => {
  const found = new Map<string, string[]>();
  for (const file of ['bot', 'dialogs', 'cards', 'services'].flatMap((d) => sources(d))) {
    if (file in NOT_SPOKEN || file.startsWith('services/catalogue/')) continue;
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const said = [...inlineSentences(source), ...(file.startsWith('services/') ? [] : inlineLabels(source))];
    if (said.length) found.set(file, [...new Set(said)]);
  }

  it('the check finds a sentence and a short label, and not a key, a log line, typed synonyms or a card’s layout', () => {
    assert.deepEqual(inlineSentences("await context.sendActivity('Okay, nothing was saved.');"), ['Okay, nothing was saved.']);
    assert.deepEqual(inlineSentences("await context.sendActivity(t('router.cancelled'));\nlog.info('dialog.cancelled now and then', {});"), []);
    assert.deepEqual(inlineSentences("{ value: 'no', title: t('prompts.no'), synonyms: ['no thanks', 'not right now'] }"), []);
    assert.deepEqual(inlineSentences("// Said when it's all done here\nconst x = 1;"), []);
    assert.deepEqual(inlineLabels("facts.push({ title: 'Stall', value: stageTitle(s) });"), ['Stall']);
    // (#{…} stands for a template placeholder here, so these examples are plain strings.)
    const code = (text: string) => text.replace(/#\{/g, '$' + '{');
    assert.deepEqual(inlineLabels(code("textBlock(`#{heading} — #{period}`, { weight: 'Bolder', size: 'Large' })")), []);
    assert.deepEqual(inlineLabels(code('submit(`Show more (#{n} more)`, data)')), ['Show more ( x  more)']);
    assert.deepEqual(inlineLabels(code('textBlock(`#{a}#{b}`)')), []);
    assert.deepEqual(inlineLabels(code("{ title: 'Self-check', value: `#{score} of 5` }")), ['Self-check']);
    assert.deepEqual(inlineLabels("{ type: 'Input.Text', id: 'note', label: t('debrief.noteLabel') }"), []);
    assert.deepEqual(pageText('<title>{{web.pageTitle}}</title><p>Who are you?</p><button aria-label="Close">{{web.x}}</button>'), ['Who are you?', 'Close']);
  });

  it('no module outside STILL_INLINE says a word inline', () => {
    const fresh = [...found].filter(([file]) => !(file in STILL_INLINE)).map(([file, said]) => `${file}: ${said.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`);
    assert.deepEqual(fresh, [], 'put these in content/locales/en.json and say them with t() (docs/EXTENDING.md, "A sentence")');
  });

  it('STILL_INLINE only shrinks, and each entry says why it is there', () => {
    const grown = Object.entries(STILL_INLINE).filter(([file, e]) => (found.get(file)?.length ?? 0) > e.count).map(([file, e]) => `${file}: ${found.get(file)!.length} > ${e.count}`);
    assert.deepEqual(grown, [], 'new words go into the catalogue');
    const moved = Object.entries(STILL_INLINE).filter(([file, e]) => (found.get(file)?.length ?? 0) < e.count).map(([file, e]) => `${file}: ${found.get(file)?.length ?? 0} < ${e.count}`);
    assert.deepEqual(moved, [], 'lower the number (or remove the entry) so it cannot grow back');
    for (const [file, e] of [...Object.entries(STILL_INLINE), ...Object.entries(NOT_SPOKEN).map(([f, reason]) => [f, { reason }] as const)]) {
      assert.ok(e.reason.length > 20, `${file}: say why`);
    }
  });

  it('services/ says nothing: no module outside services/catalogue looks a word up (services return data; cards/words/ says it)', () => {
    const lookups = sources('services').filter((f) => !f.startsWith('services/catalogue/') && /from '(?:\.\.?\/)+(?:services\/)?catalogue'/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    assert.deepEqual(lookups, []);
  });

  it('dates are written in the person’s locale: luxon formats only through cards/words/dates.ts (or after setLocale)', () => {
    const english = ['bot', 'dialogs', 'cards'].flatMap((d) => sources(d)).filter((f) => !f.startsWith('cards/words/'))
      .flatMap((f) => codeLines(readFileSync(path.join(ROOT, f), 'utf8')).filter((l) => /\.toFormat\(|\.toLocaleString\(/.test(l) && !/setLocale\(/.test(l)).map((l) => `${f}: ${l.trim()}`));
    assert.deepEqual(english, [], 'use formatDate(iso, zone, format), weekdayName() or clock() from cards/words/dates.ts');
  });

  it('the web chat page and its script say nothing inline: every word is a {{key}} filled from the catalogue', () => {
    assert.deepEqual(pageText(readFileSync(path.join(ROOT, 'web/index.html'), 'utf8')), []);
    // CSS selectors and the font stack are not words: lines that name them are left out.
    const script = readFileSync(path.join(ROOT, 'web/client.js'), 'utf8').split('\n').filter((l) => !/querySelector|CONTROLS =|primaryFont:/.test(l)).join('\n');
    assert.deepEqual(inlineSentences(script), []);
  });
});
