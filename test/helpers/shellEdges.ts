/** A shell topology's links listed (linkTopology.ts walks them without a list), for tests to filter and count. */
import type { LinkClass, LinkTopology } from '../../src/constellation/links/linkTopology.js';

export interface ListedEdge {
  readonly u: number;
  readonly v: number;
  readonly linkClass: LinkClass;
  readonly representative: number;
}

/** Every link `topology.forEachEdge` visits, in its order; throws when the topology was laid without edges. */
export function edgesOf(topology: Pick<LinkTopology, 'forEachEdge'>): ListedEdge[] {
  if (topology.forEachEdge === null) throw new Error('the topology was laid without explicit edges');
  const list: ListedEdge[] = [];
  topology.forEachEdge((u, v, linkClass, representative) => list.push({ u, v, linkClass, representative }));
  return list;
}
