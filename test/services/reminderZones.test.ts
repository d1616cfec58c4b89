import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IANAZone } from 'luxon';
import { loadPlaces, placeKey, zoneFor } from '../../services/reminders/zones';

describe('time zones from what people type (timezone <place>)', () => {
  const cases: [string, string][] = [
    ['America/Vancouver', 'America/Vancouver'],
    ['america/vancouver', 'America/Vancouver'],
    ['Vancouver', 'America/Vancouver'],
    ['vancouver, BC', 'America/Vancouver'],
    ['Vancouver BC', 'America/Vancouver'],
    ['Victoria', 'America/Vancouver'],
    ['Calgary', 'America/Edmonton'],
    ['Edmonton', 'America/Edmonton'],
    ['Saskatoon, Sask', 'America/Regina'],
    ['regina', 'America/Regina'],
    ['Winnipeg', 'America/Winnipeg'],
    ['Toronto', 'America/Toronto'],
    ['Ottawa', 'America/Toronto'],
    ['London, Ontario', 'America/Toronto'],
    ['Montréal', 'America/Toronto'],
    ['Trois-Rivières, QC', 'America/Toronto'],
    ['Halifax', 'America/Halifax'],
    ['Moncton', 'America/Moncton'],
    ['Saint John', 'America/Moncton'],
    ["St. John's", 'America/St_Johns'],
    ['Whitehorse', 'America/Whitehorse'],
    ['Iqaluit', 'America/Iqaluit'],
    ['pacific', 'America/Vancouver'],
    ['Eastern time', 'America/Toronto'],
    ['New York', 'America/New_York'],
    ['Seattle, WA', 'America/Los_Angeles'],
    ['Chicago', 'America/Chicago'],
    ['Honolulu', 'Pacific/Honolulu'],
    // Abbreviations mean the zone with daylight saving, not IANA's fixed-offset EST (America/Panama) or PST.
    ['EST', 'America/Toronto'],
    ['pst', 'America/Vancouver'],
    ['MST', 'America/Edmonton'],
    ['cdt', 'America/Winnipeg'],
  ];
  for (const [typed, zone] of cases) {
    it(`"${typed}" → ${zone}`, () => {
      assert.equal(zoneFor(typed)?.zone, zone);
    });
  }

  it('says how a zone was found, and finds nothing for a place it does not know', () => {
    assert.equal(zoneFor('America/Halifax')?.via, 'iana');
    assert.equal(zoneFor('Halifax')?.via, 'city');
    assert.equal(zoneFor('Calgary')?.via, 'list');
    for (const typed of ['Narnia', 'Mars/Olympus', 'my house', '', '???']) assert.equal(zoneFor(typed), undefined, typed);
  });

  it('keys places without accents, punctuation or case', () => {
    assert.equal(placeKey("  Montréal, QC "), 'montreal qc');
    assert.equal(placeKey("St. John's"), 'st johns');
    assert.equal(placeKey('Trois-Rivières'), 'trois rivieres');
  });

  it('the shipped list loads, and every zone in it is one this Node knows', () => {
    const places = loadPlaces();
    assert.ok(places.size > 100);
    for (const [place, zone] of places) assert.ok(IANAZone.isValidZone(zone), `${place}: ${zone}`);
  });

  it('a list naming an unknown zone, or a place twice, fails loudly naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tzplaces-'));
    const write = (groups: unknown) => fs.writeFileSync(path.join(dir, 'timezone-places.json'), JSON.stringify({ about: 'a test list of places', groups }));
    const group = (id: string, places: Record<string, string>) => ({ id, label: 'Test', source: { title: 'Test source', url: 'https://example.org' }, places });
    write([group('one', { atlantis: 'Ocean/Atlantis' })]);
    assert.throws(() => loadPlaces(dir), /"atlantis" names an unknown time zone Ocean\/Atlantis/);
    write([group('one', { calgary: 'America/Edmonton' }), group('two', { calgary: 'America/Edmonton' })]);
    assert.throws(() => loadPlaces(dir), /"calgary" is listed twice/);
    write([group('one', { 'Calgary!': 'America/Edmonton' })]);
    assert.throws(() => loadPlaces(dir), /timezone-places\.json/);
    fs.rmSync(dir, { recursive: true });
  });
});
