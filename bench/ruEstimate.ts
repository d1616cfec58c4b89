// What one request would cost on Azure Cosmos DB, in request units (RU). The embedded server charges 1 for every
// request, so the benchmarks estimate from Azure's documented RU model instead, and say so:
// - point reads and writes by document size, from the table in "Understand request unit consumption"
//   (learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption): read 1 KB 1.00 RU, 2 KB 1.04, 4 KB
//   1.14, 8 KB 1.33, 16 KB 1.67, 32 KB 2.19, 64 KB 4.76, 128 KB 9.95; write (default indexing) 1 KB 4.95, 2 KB 6.29,
//   4 KB 6.67, 8 KB 7.04, 16 KB 9.52, 32 KB 11.23, 64 KB 22.67, 128 KB 48.19 (session consistency);
// - "a point read for a 1-KB item is one RU" (learn.microsoft.com/azure/cosmos-db/request-units);
// - queries: "depend on the number of items loaded and returned, index lookups and query compilation"
//   (learn.microsoft.com/azure/cosmos-db/optimize-cost-reads-writes) with no formula, so ASSUMED: 2.8 RU for an indexed
//   query page (a typical small single-partition query) plus the read cost of the bytes it returns beyond 1 KB;
// - ASSUMED: query-plan lookups and metadata reads (databases, containers, partition key ranges) are not billed as
//   data operations (0 RU); a missed point read (404) costs 1 RU; a delete costs what writing 1 KB does.
// Real figures come from x-ms-request-charge on Azure (the counting proxy's requestUnits when pointed at Azure).

const KB = [1, 2, 4, 8, 16, 32, 64, 128];
const READ = [1.0, 1.04, 1.14, 1.33, 1.67, 2.19, 4.76, 9.95];
const WRITE = [4.95, 6.29, 6.67, 7.04, 9.52, 11.23, 22.67, 48.19];
/** ASSUMED cost of one indexed query page returning at most 1 KB. */
export const QUERY_PAGE_RU = 2.8;

/** Linear between the documented sizes; at most 1 KB costs the 1 KB figure; past 128 KB, in proportion. */
function bySize(table: number[], bytes: number): number {
  const kb = Math.max(1, bytes / 1024);
  if (kb >= KB[KB.length - 1]!) return (table[table.length - 1]! * kb) / KB[KB.length - 1]!;
  let i = 0;
  while (KB[i + 1]! < kb) i++;
  const f = (kb - KB[i]!) / (KB[i + 1]! - KB[i]!);
  return table[i]! + f * (table[i + 1]! - table[i]!);
}

export const readRU = (bytes: number) => bySize(READ, bytes);
export const writeRU = (bytes: number) => bySize(WRITE, bytes);

export interface RequestShape {
  method: string;
  /** The URL path (dbs/…/colls/…/docs[/id]). */
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  /** x-ms-item-count, when the answer is a feed or query page. */
  items?: number;
  queryPlan: boolean;
  isQuery: boolean;
}

export function estimateRequestUnits(r: RequestShape): number {
  if (r.queryPlan) return 0;
  const docs = /\/docs(\/[^/]+)?$/.exec(r.path);
  if (!docs) return 0; // metadata: databases, containers, partition key ranges
  const one = Boolean(docs[1]);
  const method = r.method.toUpperCase();
  if (r.status === 404) return 1;
  if (r.status >= 400) return 0;
  if (method === 'GET') return one ? readRU(r.responseBytes) : QUERY_PAGE_RU + readRU(r.responseBytes) - 1; // read feed: like a query
  if (method === 'POST' && r.isQuery) return QUERY_PAGE_RU + readRU(r.responseBytes) - 1;
  if (method === 'DELETE') return writeRU(1024);
  // Create, upsert, replace, patch; a batch of n operations as n writes of its average size.
  const ops = Math.max(1, r.items ?? 1);
  return ops * writeRU(r.requestBytes / ops);
}
