import type { Design, Resource } from '../domain';
import { viewOf } from './kinds';

/** The key facts a node shows, in words; derived, never stored. */
export interface NodeFacts {
  title: string;
  lines: string[];
  badges: Array<{ text: string; tone: 'public' | 'private' | 'neutral' | 'state' }>;
}

/** The title, lines and badges a node shows; its kind's view supplies the lines and badges. */
export function nodeFacts(design: Design, resource: Resource): NodeFacts {
  const facts: NodeFacts = { title: resource.name || resource.id, lines: [], badges: [] };
  viewOf(resource).facts(design, resource, facts);
  return facts;
}
