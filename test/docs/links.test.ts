// Every relative link in README.md and docs/ points at a file that exists, and a link's #anchor at a heading of
// that file: docs are split and moved (current state vs docs/history/), and a dead link is found here, not by a reader.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Markdown without its fenced blocks, where a # or a bracket is code. */
const unfenced = (md: string): string => md.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');

/** The anchors of a Markdown text's headings, repeated ones numbered as GitHub does (-1, -2 …). */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of unfenced(md).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** What the check reads: a path relative to the repository exists (file or folder); a Markdown file's text. */
interface Tree {
  exists(p: string): boolean;
  read(p: string): string | undefined;
}

/** The broken relative links of one Markdown file, each as "file: target (why)". */
function brokenLinks(tree: Tree, file: string): string[] {
  const text = tree.read(file);
  if (text === undefined) return [`${file}: missing`];
  const out: string[] = [];
  // Inline code is no link either.
  for (const m of unfenced(text).replace(/`[^`\n]*`/g, '').matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, mailto: … — no network here
    const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
    const rel = rawPath ? path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath))) : file;
    if (rel.startsWith('..')) continue; // outside the repository (../shared): not ours to check
    const linked = rel.endsWith('/') ? rel.slice(0, -1) : rel;
    if (!tree.exists(linked)) {
      out.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor && linked.endsWith('.md')) {
      const md = tree.read(linked);
      if (md !== undefined && !anchors(md).has(anchor.toLowerCase())) out.push(`${file}: ${target} (no such heading)`);
    }
  }
  return out;
}

function markdownUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...markdownUnder(rel));
    else if (name.endsWith('.md')) out.push(rel);
  }
  return out;
}

const repo: Tree = {
  exists: (p) => existsSync(path.join(ROOT, p)),
  read: (p) => {
    const full = path.join(ROOT, p);
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  },
};

describe('docs: relative links', () => {
  it('every relative link in README.md and docs/ resolves, #anchors to a heading', () => {
    const files = ['README.md', ...markdownUnder('docs')];
    assert.ok(files.includes('docs/DEIDENTIFICATION.md') && files.includes('docs/history/DEIDENTIFICATION-rounds.md'));
    const broken = files.flatMap((f) => brokenLinks(repo, f));
    assert.deepEqual(broken, []);
  });

  it('finds a missing file and a missing heading, and passes a good link, code and a web address', () => {
    const files: Record<string, string> = {
      'README.md': [
        '[ok](docs/A.md#how-it-works) [gone](docs/B.md) [bad anchor](docs/A.md#current-figures)',
        '[web](https://example.org/x.md) `[code](docs/C.md)` [here](#top)',
        '```',
        '[fenced](docs/D.md)',
        '```',
        '# Top',
      ].join('\n'),
      'docs/A.md': '# A\n## How it works\n',
    };
    const tree: Tree = { exists: (p) => p in files, read: (p) => files[p] };
    assert.deepEqual(brokenLinks(tree, 'README.md'), [
      'README.md: docs/B.md (no such file)',
      'README.md: docs/A.md#current-figures (no such heading)',
    ]);
  });

  it('makes anchors as GitHub does, repeats numbered', () => {
    assert.deepEqual([...anchors('## Current figures\n## Your own side: `reflect me` (issue 18)\n## Round 16 (half names): a model\n## Figures\n## Figures\n')], [
      'current-figures',
      'your-own-side-reflect-me-issue-18',
      'round-16-half-names-a-model',
      'figures',
      'figures-1',
    ]);
  });
});
