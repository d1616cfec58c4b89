// The RU estimate the benchmarks use where the embedded server's charge means nothing (bench/ruEstimate.ts): it must
// give Azure's documented figures at the documented sizes and classify each kind of request.
import assert from 'node:assert/strict';
import { estimateRequestUnits, QUERY_PAGE_RU, readRU, writeRU, type RequestShape } from '../../bench/ruEstimate';

const DOCS = '/dbs/peerreflect/colls/reflections/docs';
const req = (over: Partial<RequestShape>): RequestShape => ({ method: 'GET', path: `${DOCS}/r1`, status: 200, requestBytes: 0, responseBytes: 800, queryPlan: false, isQuery: false, ...over });

describe('request unit estimate (Azure Cosmos DB RU model)', () => {
  it('reads and writes cost what the documented table says at its sizes, and in between', () => {
    assert.equal(readRU(500), 1); // "a point read for a 1-KB item is one RU"
    assert.equal(readRU(1024), 1);
    assert.equal(readRU(128 * 1024), 9.95);
    assert.equal(writeRU(1024), 4.95);
    assert.equal(writeRU(8 * 1024), 7.04);
    assert.ok(writeRU(3 * 1024) > 6.29 && writeRU(3 * 1024) < 6.67);
    assert.equal(readRU(256 * 1024), 19.9); // past the table: in proportion
  });

  it('tells point reads, writes, queries, query plans and metadata apart', () => {
    assert.equal(estimateRequestUnits(req({})), 1);
    assert.equal(estimateRequestUnits(req({ status: 404 })), 1);
    assert.equal(estimateRequestUnits(req({ method: 'POST', path: DOCS, requestBytes: 2048 })), 6.29);
    assert.equal(estimateRequestUnits(req({ method: 'PUT', requestBytes: 1000 })), 4.95);
    assert.equal(estimateRequestUnits(req({ method: 'DELETE' })), 4.95);
    assert.equal(estimateRequestUnits(req({ method: 'POST', path: DOCS, isQuery: true, responseBytes: 900, items: 1 })), QUERY_PAGE_RU);
    assert.ok(estimateRequestUnits(req({ method: 'POST', path: DOCS, isQuery: true, responseBytes: 64 * 1024, items: 100 })) > QUERY_PAGE_RU + 3);
    assert.equal(estimateRequestUnits(req({ method: 'POST', path: DOCS, isQuery: true, queryPlan: true })), 0);
    assert.equal(estimateRequestUnits(req({ path: '/dbs/peerreflect/colls/reflections/pkranges' })), 0);
    assert.equal(estimateRequestUnits(req({ method: 'POST', path: DOCS, status: 409 })), 0);
  });
});
