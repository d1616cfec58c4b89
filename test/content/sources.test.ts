import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTENT_FILES, DEFAULT_CONTENT_DIR, OWN_SOURCE, SOURCE_KINDS, citeSource, loadContent, type Content } from '../../services/content';

const DOCS = path.join(__dirname, '..', '..', 'docs');

/** Every `source` (or `…Source`) value anywhere in a parsed JSON tree. */
function citedIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) citedIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'source' || k.endsWith('Source')) && typeof v === 'string') out.add(v);
      else citedIn(v, out);
    }
  }
  return out;
}

describe('content sources (issue 18)', () => {
  let c: Content;
  before(() => {
    c = loadContent();
  });

  it('every source is cited: by a content item, or by name in a doc (outside the generated source list)', () => {
    const cited = new Set<string>();
    for (const f of Object.values(CONTENT_FILES)) {
      if (f === CONTENT_FILES.sources) continue;
      citedIn(JSON.parse(fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, f), 'utf8')), cited);
    }
    const docs = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => fs.readFileSync(path.join(DOCS, f), 'utf8').split(/^## Sources$/m)[0]!)
      .join('\n');
    const uncited = c.sources.filter((s) => !cited.has(s.id) && !docs.includes(`\`${s.id}\``)).map((s) => s.id);
    assert.deepEqual(uncited, [], 'sources nothing cites: cite them or remove them');
  });

  it('says what kind of work each source is', () => {
    for (const s of c.sources) assert.ok((SOURCE_KINDS as readonly string[]).includes(s.kind), `${s.id}: kind ${s.kind}`);
    assert.equal(c.sourceById.get(OWN_SOURCE)!.kind, 'own-wording');
    assert.equal(c.sourceById.get('choi2025')!.kind, 'peer-reviewed');
    assert.equal(c.sourceById.get('mhcc2013')!.kind, 'guideline');
    // Only our own wording is called our own wording.
    assert.deepEqual(c.sources.filter((s) => s.kind === 'own-wording').map((s) => s.id), [OWN_SOURCE]);
  });

  it('cites the corrected works at their publishers', () => {
    const samhsa = c.sourceById.get('samhsa-competencies')!;
    assert.equal(samhsa.year, 2015);
    assert.match(samhsa.url!, /^https:\/\/www\.samhsa\.gov\//);
    const ed = c.sourceById.get('ajem-engagement')!;
    assert.match(ed.authors!, /^Lukacs T/);
    assert.equal(ed.title, 'Peer recovery coaches and emergency department utilization in patients with substance use disorders');
    assert.match(ed.note!, /25 %, 18 % and 16 %/);
    assert.match(c.sourceById.get('naps')!.url!, /^https:\/\/inaops\.org\//);
    assert.match(c.sourceById.get('ips-competencies')!.url!, /^https:\/\/www\.intentionalpeersupport\.org\//);
    assert.match(c.sourceById.get('mhcc2013')!.url!, /^https:\/\/mentalhealthcommission\.ca\//);
    // No source points at a document-mirror site.
    for (const s of c.sources) assert.doesNotMatch(s.url ?? '', /vdocuments|paperzz|pdfslide|docplayer|scribd|copelandcenter/, s.id);
    assert.match(citeSource('ajem-engagement', c), /Lukacs T, Klein L, Bramante R, Logiudice J, Raio CC\. \(2023\)/);
  });
});
