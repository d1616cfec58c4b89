import assert from 'node:assert/strict';
import { ModelSwitch } from '../../../services/deidentify/classifier/modelSwitch';

interface Model {
  name: string;
}
class Scorer {
  constructor(readonly model: Model) {}
}

describe('ModelSwitch: the model a scorer reads (name, facility and slot models)', () => {
  it('reads the shipped model once, at first use, and keeps its scorer', () => {
    let loads = 0;
    const shipped = { name: 'shipped' };
    const load = (): Model => {
      loads++;
      return shipped;
    };
    const sw = new ModelSwitch<Model, Scorer>(load, (m) => new Scorer(m));
    assert.equal(loads, 0);
    const first = sw.scorer();
    assert.equal(first?.model, shipped);
    assert.equal(sw.scorer(), first);
    assert.equal(loads, 1);
  });

  it('scores with a model set, turns off with null and goes back to the shipped one with undefined', () => {
    const sw = new ModelSwitch<Model, Scorer>(() => ({ name: 'shipped' }), (m) => new Scorer(m));
    const shipped = sw.scorer();
    const trained = { name: 'trained' };
    sw.use(trained);
    assert.equal(sw.scorer()?.model, trained);
    sw.use(null);
    assert.equal(sw.scorer(), null);
    sw.use(undefined);
    assert.equal(sw.scorer(), shipped);
  });

  it('keeps the last model set: setting it again after the shipped one reuses its scorer (and its caches)', () => {
    const sw = new ModelSwitch<Model, Scorer>(() => ({ name: 'shipped' }), (m) => new Scorer(m));
    const trained = { name: 'trained' };
    sw.use(trained);
    const s = sw.scorer();
    sw.use(undefined);
    sw.use(trained);
    assert.equal(sw.scorer(), s);
    sw.use({ name: 'other' });
    assert.notEqual(sw.scorer(), s);
  });

  it('is off with no shipped model (a tree before the recipe made one)', () => {
    const sw = new ModelSwitch<Model, Scorer>(() => null, (m) => new Scorer(m));
    assert.equal(sw.scorer(), null);
    sw.use({ name: 'trained' });
    assert.equal(sw.scorer()?.model.name, 'trained');
  });
});
