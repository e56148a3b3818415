import { ResourceCard } from '../nodes/ResourceCard';
import type { ResourceNodeProps } from '../nodes/parts';

/** Accent stripes that group cards by what they are, as the palette groups them. */
export const ACCENT = {
  compute: 'border-l-orange-500',
  network: 'border-l-violet-500',
  security: 'border-l-red-500',
  hybrid: 'border-l-slate-500',
  serverless: 'border-l-pink-500',
  actor: 'border-l-slate-400',
  database: 'border-l-blue-600',
} as const;

/** The node of a leaf kind: a card with the kind's icon and accent. */
export const card = (icon: string, accent: string) => {
  const Card = (p: ResourceNodeProps) => <ResourceCard {...p} icon={icon} accent={accent} />;
  return Card;
};
