// Every sentence a person reads is in the message catalogue (content/locales/en.json, said with t()), so a new locale
// is a new file. This reads bot/, dialogs/ and cards/ for string literals that look like a sentence (three words or
// more) outside t(). The modules not yet moved are listed in STILL_INLINE with how many they hold: the list can only
// shrink — a new inline sentence fails here. (When a module moves, lower its number or remove it.)
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Modules that still hold sentences inline, and how many: lower the number as they move, never raise it. */
const STILL_INLINE: Record<string, number> = {};

/** Text that is not said to a person in a chat or card: HTTP errors for API clients, operator console lines, headers. */
const NOT_SPOKEN: Record<string, string> = {
  'bot/httpGuards.ts': 'refusals of malformed HTTP requests, for the client that sent them',
  'bot/index.ts': 'the console line an operator sees at start',
  'bot/loopback.ts': 'refusals and errors of local mode, for developers',
  'bot/stateStorage.ts': 'error messages inside the storage layer',
  'bot/webchat.ts': 'the page’s Content-Security-Policy header',
  'bot/server.ts': 'the HTTP 500 body when an activity cannot be handled, for the channel',
  'bot/invokes.ts': 'the health check’s and sign-in refusal’s fields, read by Teams (its one sentence is bot.notHere)',
};

const SENTENCE = /[A-Za-z’']{2,}[,.;:?!]? [A-Za-z’']{2,}[,.;:?!]? [A-Za-z’']{2,}/;
// Lines whose strings are not said: logs, thrown errors, imports, words a person may type (matched, never shown).
const SKIP_LINE = /\blog\.(info|warn|error|debug)|Error\(|^\s*import |synonyms:|phrases:/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) sources(rel, out);
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

/** The sentence-like string literals of a source, outside comments and skipped lines. */
function inlineSentences(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const line of code.split('\n')) {
    if (SKIP_LINE.test(line)) continue;
    for (const m of line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, 'x');
      if (SENTENCE.test(text)) found.push(text);
    }
  }
  return found;
}

describe('every sentence a person reads is in the catalogue', () => {
  const counts = new Map<string, string[]>();
  for (const file of ['bot', 'dialogs', 'cards'].flatMap((d) => sources(d))) {
    if (file in NOT_SPOKEN) continue;
    const found = inlineSentences(readFileSync(path.join(ROOT, file), 'utf8'));
    if (found.length) counts.set(file, found);
  }

  it('the check finds a sentence, and not a key, a log line or typed synonyms', () => {
    assert.deepEqual(inlineSentences("await context.sendActivity('Okay, nothing was saved.');"), ['Okay, nothing was saved.']);
    assert.deepEqual(inlineSentences("await context.sendActivity(t('router.cancelled'));\nlog.info('dialog.cancelled now and then', {});"), []);
    assert.deepEqual(inlineSentences("{ value: 'no', title: t('prompts.no'), synonyms: ['no thanks', 'not right now'] }"), []);
    assert.deepEqual(inlineSentences("// Said when it's all done here\nconst x = 1;"), []);
  });

  it('no module outside STILL_INLINE says a sentence inline', () => {
    const fresh = [...counts].filter(([file]) => !(file in STILL_INLINE)).map(([file, found]) => `${file}: ${found.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`);
    assert.deepEqual(fresh, [], 'put these in content/locales/en.json and say them with t() (docs/EXTENDING.md, "A sentence")');
  });

  it('STILL_INLINE only shrinks: no listed module holds more than its number', () => {
    const grown = Object.entries(STILL_INLINE).filter(([file, n]) => (counts.get(file)?.length ?? 0) > n).map(([file, n]) => `${file}: ${counts.get(file)!.length} > ${n}`);
    assert.deepEqual(grown, [], 'new sentences go into the catalogue');
  });
});
