// Whatever is typed after a command is raw text: it must not enter dialog state unless de-identified or vetted
// (issue 15, item 8 — `delete my data <text>` kept <text> raw). Every command of the table, for every role that
// may use it, is given a name and a phone number after its phrase; the bot state is then searched for them.
import assert from 'node:assert/strict';
import { buildCommandTable } from '../../dialogs';
import type { Role } from '../../services/people';
import { BOT_STATE_CONTAINER } from '../../services/storage/containers';
import { Conversation, useBot } from '../helpers/bot';

const RAW = 'Maria Lopez 416-555-0199';

describe('text typed after a command never reaches dialog state raw', () => {
  const bot = useBot();

  const { commands } = buildCommandTable();
  for (const command of commands) {
    const role = command.roles[0] as Role;
    it(`${command.phrases[0]} ${RAW} (as ${role})`, async () => {
      const c = new Conversation(bot().url);
      const id = bot().app.personIdFor(c.userId);
      await bot().app.people.getOrCreate(id, bot().app.now());
      await bot().app.people.put({ ...(await bot().app.people.get(id))!, role, alias: `T ${commands.indexOf(command)}` });
      await c.say(`${command.phrases[0]} ${RAW}`);
      const key = `test/conversations/${c.conversationId}/`;
      const { resources } = await bot().app.store.database.container(BOT_STATE_CONTAINER).items.query({ query: 'SELECT * FROM c WHERE c.realId = @k', parameters: [{ name: '@k', value: key }] }).fetchAll();
      const state = JSON.stringify(resources);
      // Digits as whole runs only: a random UUID, etag or nonce in the state may hold 416 by chance.
      assert.doesNotMatch(state, /Maria|Lopez|(?<![\dA-Za-z])(?:416|555|0199)(?![\dA-Za-z])|4165550199/, state.slice(0, 400));
    });
  }
});
