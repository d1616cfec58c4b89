import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCheckedList } from '../../../services/content/checkedList';

describe('readCheckedList: a content list checked against its schema', () => {
  it('reads a shipped list that its schema allows', () => {
    const data = readCheckedList<{ terms: string[] }>('deid-towns.json');
    assert.ok(data.terms.length > 100);
  });

  it('fails naming the file and the place in it when the list breaks its schema, schema read from the package', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checked-list-'));
    try {
      fs.writeFileSync(path.join(dir, 'deid-towns.json'), JSON.stringify({ terms: [42] }));
      assert.throws(() => readCheckedList('deid-towns.json', dir), /^Error: content\/deid-towns\.json: /);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
