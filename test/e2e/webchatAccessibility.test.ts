// Accessibility of the local web chat in a real browser (WCAG 2.2 AA): axe-core over the picker, a debrief with
// a card, the review and a supervisor's summary at desktop and phone width (no serious or critical violation),
// and a whole debrief done with the keyboard alone, up to Save.
import assert from 'node:assert/strict';
import { content } from '../../services/content';
import type { Browser } from '../helpers/browser';
import { seriousViolations, seriousViolationsAtWidths } from './axe';
import { useWebChat } from './webchatPage';

describe('local web chat accessibility (axe-core in chromium, keyboard only)', function () {
  this.timeout(90_000);
  const { bot, browser, chat } = useWebChat();

  async function assertAccessible(where: string): Promise<void> {
    const found = await seriousViolationsAtWidths(browser().page);
    if (process.env.AXE_PRINT) console.log(where, JSON.stringify(found, null, 1));
    assert.deepEqual(found, { 1280: [], 390: [] }, `serious or critical axe violations on ${where}`);
  }

  it('the picker', async () => {
    await chat().open(bot().url);
    await assertAccessible('the picker');
  });

  it('a debrief with a card, the self-check and the review', async () => {
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    await chat().choose('local-psw-1');
    await chat().waitFor(/PeerReflect/);
    await chat().ask('reflect', /Which client is this about/);
    await chat().ask('C-21', /names you.d like me to always hide/i);
    await chat().tap('Skip', /Where does your relationship with C-21 stand/);
    await assertAccessible('the stage card');
    await chat().tap('Building trust', new RegExp(`\\(1/${prompts}\\)`));
    await chat().ask('We talked about her garden.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await chat().tap('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    }
    await chat().tap('Progressing', /How are you doing after this one/);
    await assertAccessible('the self-check card');
    // The score is five buttons in a group named by the scale, each a target of at least 24 × 24 px.
    const group = browser().page.locator('.ac-adaptiveCard').last().getByRole('group', { name: 'How you’re doing (1 = rough, 5 = good)' });
    const scores = group.getByRole('button');
    assert.deepEqual(await scores.allInnerTexts(), ['1 of 5, rough', '2 of 5', '3 of 5', '4 of 5', '5 of 5, good']);
    for (const box of await Promise.all((await scores.all()).map((b) => b.boundingBox()))) {
      assert.ok(box && box.width >= 24 && box.height >= 24, `score target ${JSON.stringify(box)} is at least 24 px`);
    }
    await chat().tap('4 of 5', /anyone.s safety/);
    await chat().tap('No, all good', /exactly what I.ll save/);
    await assertAccessible('the review');
    await chat().tap('Save', /Saved/);
  });

  it('a whole debrief with the keyboard alone, up to Save', async () => {
    const page = browser().page;
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    // What has focus, as a person hears it: the element's role-ish tag and its text or label.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} ${(el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 40)}` : '';
    });
    /** From where focus is, Tab (or Shift+Tab) to the newest card's button titled `title` and press Enter. */
    async function press(title: string, pattern: RegExp, direction: 'Tab' | 'Shift+Tab' = 'Shift+Tab'): Promise<string> {
      const since = await chat().count();
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        const onIt = await page.evaluate((t) => {
          const cards = document.querySelectorAll('#webchat .ac-adaptiveCard');
          const el = document.activeElement;
          return !!el && cards[cards.length - 1]?.contains(el) === true && el.classList.contains('ac-pushButton') && (el as HTMLElement).innerText.trim() === t;
        }, title);
        if (onIt) {
          await page.keyboard.press('Enter');
          if (process.env.KEYS_PRINT) console.log(title, seen.join(' → '));
          return chat().waitFor(pattern, since);
        }
        const where = await page.evaluate(() => {
          const el = document.activeElement;
          if (el?.classList.contains('webchat__basic-transcript')) return 'transcript';
          const cards = document.querySelectorAll('#webchat .ac-adaptiveCard');
          const card = el?.closest('.ac-adaptiveCard');
          return card && card !== cards[cards.length - 1] ? 'older message' : 'elsewhere';
        });
        if (where === 'older message') {
          // Focus stayed in the message just answered, and Web Chat keeps Tab inside a message once entered: Escape
          // leaves it for the transcript, as a keyboard user does when the next card arrives.
          await page.keyboard.press('Escape');
        } else if (where === 'transcript') {
          // Web Chat's transcript is one stop: End picks the newest message, Enter goes into it, Tab reaches its controls.
          await page.keyboard.press('End');
          await page.keyboard.press('Enter');
          direction = 'Tab';
        } else {
          await page.keyboard.press(direction);
        }
        seen.push(await focused());
      }
      throw new Error(`No way to "${title}" by keyboard; focus went: ${seen.join(' → ')}`);
    }
    async function type(text: string, pattern: RegExp): Promise<string> {
      const since = await chat().count();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      return chat().waitFor(pattern, since);
    }

    // The chat was opened with the mouse above; from here on, keys only. Focus starts in the text box.
    await page.focus('[data-id="webchat-sendbox-input"]');
    await type('reflect', /Which client is this about/);
    await type('C-22', /names you.d like me to always hide/i);
    await press('Skip', /Where does your relationship with C-22 stand/);
    await press('Building trust', new RegExp(`\\(1/${prompts}\\)`), 'Tab');
    await page.focus('[data-id="webchat-sendbox-input"]');
    await type('We talked about her garden.', new RegExp(`\\(2/${prompts}\\)`));
    for (let i = 2; i <= prompts; i++) {
      await press('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i, i === 2 ? 'Shift+Tab' : 'Tab');
    }
    await press('Progressing', /How are you doing after this one/, 'Tab');
    // The self-check: focus is in its text box (the words come first); Tab reaches the score buttons.
    assert.match(await focused(), /^textarea/);
    await page.keyboard.type('tired');
    await press('3 of 5', /anyone.s safety/, 'Tab');
    await press('No, all good', /exactly what I.ll save/, 'Tab');
    await press('Save', /Saved/, 'Tab');
    const { items } = await bot().app.reflections.listByPsw(bot().app.personIdFor('local-psw-1'));
    const doc = items.find((r) => r.clientCode === 'C-22');
    assert.ok(doc, 'the keyboard-only debrief was saved');
    assert.deepEqual(doc.selfCheck, { score: 3, note: 'tired' });
  });

  it('on a slow phone (CPU 20× slower), focus still follows a tapped answer to the next card', async () => {
    const page = browser().page;
    await chat().ask('reflect', /Which client is this about|carry on, or switch/);
    if (/carry on, or switch/.test((await chat().transcript()).at(-1) ?? '')) await chat().ask('switch', /Which client is this about/);
    await chat().ask('C-24', /names you.d like me to always hide/i);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    try {
      const since = await chat().count();
      await page.locator('.ac-adaptiveCard').last().locator('.ac-pushButton').filter({ hasText: /^\s*Skip\s*$/ }).focus();
      await page.keyboard.press('Enter');
      await chat().waitFor(/Where does your relationship with C-24 stand/, since, 60_000);
      // Drawing the card takes seconds at this speed; the page waits for it rather than giving up.
      await page.waitForFunction(() => {
        const cards = document.querySelectorAll('#webchat .ac-adaptiveCard');
        const el = document.activeElement as HTMLElement | null;
        return !!el && cards[cards.length - 1]?.contains(el) === true && el.innerText.trim() === 'Building trust';
      }, undefined, { timeout: 60_000, polling: 200 });
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    }
  });

  /** A debrief of PSW 1's up to the trust stall's strategies: more than six, so a choice set and a Choose button. */
  async function toStrategies(clientCode: string): Promise<void> {
    const prompts = Math.min(content().stageById.trust.prompts.length, 5);
    await chat().ask('reflect', /Which client is this about|carry on, or switch/);
    if (/carry on, or switch/.test((await chat().transcript()).at(-1) ?? '')) await chat().ask('switch', /Which client is this about/);
    await chat().ask(clientCode, /names you.d like me to always hide/i);
    await chat().tap('Skip', new RegExp(`Where does your relationship with ${clientCode} stand`));
    await chat().tap('Building trust', new RegExp(`\\(1/${prompts}\\)`));
    for (let i = 1; i <= prompts; i++) await chat().tap('Skip', i < prompts ? new RegExp(`\\(${i + 1}/${prompts}\\)`) : /how is the relationship moving/i);
    await chat().tap('Stalling', /Which one would you like to try/);
    // The first few may come as buttons with "More ideas"; the rest of the nine are a choice set.
    const newest = () => browser().page.locator('.ac-adaptiveCard').last().locator('.ac-pushButton');
    if (await newest().filter({ hasText: /^\s*More ideas\s*$/ }).count()) await newest().filter({ hasText: /^\s*More ideas\s*$/ }).click();
    await newest().filter({ hasText: /^\s*Choose\s*$/ }).waitFor();
  }

  it('a required choice left empty: the error is announced, marks and describes the choices, and takes focus to them', async () => {
    const page = browser().page;
    await toStrategies('C-23');
    const card = page.locator('.ac-adaptiveCard').last();
    const radios = card.locator('input[type=radio]');
    await card.locator('.ac-pushButton').filter({ hasText: 'Choose' }).click();
    // The live region says it (role="alert": read at once), the choices are invalid and described by it, and
    // focus is on the first of them (not left on Choose).
    await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Please pick one.');
    const first = await radios.first().evaluate((el) => ({
      invalid: el.getAttribute('aria-invalid'),
      describedBy: (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim()),
      focused: document.activeElement === el,
    }));
    assert.deepEqual(first, { invalid: 'true', describedBy: ['Please pick one.'], focused: true });
    assert.deepEqual([...new Set(await radios.evaluateAll((els) => els.map((e) => e.getAttribute('aria-invalid'))))], ['true']);
    // What a screen reader is given: chromium's accessibility tree holds the error as the radio's description.
    const cdp = await page.context().newCDPSession(page);
    const { node } = await cdp.send('DOM.describeNode', { objectId: (await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' })).result.objectId });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    assert.equal(nodes[0]?.role?.value, 'radio');
    assert.equal(nodes[0]?.description?.value, 'Please pick one.');
    assert.equal(nodes[0]?.properties?.find((p) => p.name === 'invalid')?.value.value, 'true');
    await cdp.detach();
    await assertAccessible('a choice set showing its error');
    // Picking one takes the error away, and its marks with it.
    await chat().chooseInCard((await radios.first().getAttribute("value"))!);
    await page.waitForFunction(() => !document.querySelector('#webchat [aria-invalid="true"]'));
    await chat().tap('Choose', /flag this relationship for supervision/);
  });

  /**
   * What breaks at a narrow width, as the page shows it: sideways scrolling, and any control of the newest card
   * (or the text box) that is off the side, covered, smaller than 24 px or has its words cut off.
   */
  function reflowProblems(page: Browser['page']): Promise<string[]> {
    return page.evaluate(() => {
      const out: string[] = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`);
      const cards = document.querySelectorAll('#webchat .ac-adaptiveCard');
      const card = cards[cards.length - 1]!;
      const controls = [document.querySelector('[data-id="webchat-sendbox-input"]')!, ...card.querySelectorAll('.ac-pushButton, input, textarea, select')];
      for (const el of controls as HTMLElement[]) {
        const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.innerText).trim().slice(0, 30)}"`;
        el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        if (r.left < 0 || r.right > width) out.push(`${name} is off the side (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
        if (r.width < 24 || r.height < 24) out.push(`${name} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(el.contains(hit) || [...((el as HTMLInputElement).labels ?? [])].some((l) => l.contains(hit)))) out.push(`${name} is covered by ${hit?.tagName}`);
      }
      // Words cut off with an ellipsis: a button's or a choice's text wider than its box.
      for (const el of card.querySelectorAll<HTMLElement>('.ac-pushButton, .ac-pushButton *, label, label *')) {
        if (el.scrollWidth > el.clientWidth + 1) out.push(`"${el.innerText.trim().slice(0, 30)}" is cut off (${el.scrollWidth} > ${el.clientWidth} px)`);
      }
      return out;
    });
  }

  it('at 320 px wide and at 200 % zoom: no sideways scrolling, every control of the newest card and the text box in view and whole, axe clean', async () => {
    const page = browser().page;
    // 200 % zoom of a 1280 × 800 window lays the page out as 640 × 400 CSS pixels; 320 px is WCAG 1.4.10's width.
    const sizes = [{ width: 320, height: 640 }, { width: 640, height: 400 }];
    const found: Record<string, string[]> = {};
    const check = async (where: string) => {
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.waitForTimeout(150);
        found[`${where} at ${size.width}×${size.height}`] = [...(await reflowProblems(page)), ...(await seriousViolations(page)).map((v) => `axe ${v.rule}: ${v.targets.join(', ')}`)];
      }
      await page.setViewportSize({ width: 390, height: 800 });
    };
    await check('the flag question');
    await chat().tap('No', /How are you doing after this one/);
    await check('the self-check');
    await chat().tap('3 of 5', /anyone.s safety/);
    await chat().tap('No, all good', /exactly what I.ll save/);
    await check('the review');
    await chat().tap('Save', /Saved/);
    await toStrategies('C-24');
    await check('nine strategies in a choice set');
    await chat().ask('cancel', /Stop a reflection on C-24|Nothing from that was saved/);
    if (/Stop a reflection/.test((await chat().transcript()).at(-1) ?? '')) await chat().ask('cancel', /Nothing from that was saved/);
    assert.deepEqual(Object.entries(found).flatMap(([where, p]) => p.map((x) => `${where}: ${x}`)), []);
  });

  it("a supervisor's team summary", async () => {
    await browser().page.click('#change');
    await browser().page.waitForSelector('button[data-identity]');
    await chat().choose('local-supervisor');
    await chat().waitFor(/PeerReflect/);
    await chat().ask('summary', /summary/i);
    await assertAccessible('the team summary');
    // Its picker is required too: "Read their reflections" with no one picked announces the error and marks the list.
    const page = browser().page;
    await page.locator('.ac-adaptiveCard').last().locator('.ac-pushButton').filter({ hasText: 'Read their reflections' }).click();
    await page.waitForFunction(() => document.getElementById('announce')?.textContent === 'Please pick someone.');
    const picker = await page.locator('.ac-adaptiveCard').last().locator('select').evaluate((el) => ({
      invalid: el.getAttribute('aria-invalid'),
      describedBy: (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim()),
      focused: document.activeElement === el,
    }));
    assert.deepEqual(picker, { invalid: 'true', describedBy: ['Please pick someone.'], focused: true });
  });
});
