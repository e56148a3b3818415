import { ICONS } from '../icons';
import { ResourceCard } from '../nodes/ResourceCard';
import type { ResourceNodeProps } from '../nodes/parts';
import { ACCENT } from './cards';
import type { KindView } from './view';

/** Fargate services show the Fargate icon, services on container instances the ECS one. */
function EcsServiceNode(p: ResourceNodeProps) {
  const resource = p.data.resource;
  const fargate = resource.kind === 'ecsService' && resource.launchType === 'FARGATE';
  return <ResourceCard {...p} icon={fargate ? ICONS.fargate : ICONS.ecsService} accent={ACCENT.compute} />;
}

export const ecsServiceView: KindView<'ecsService'> = {
  node: EcsServiceNode,
  icon: ICONS.ecsService,
  palette: [
    {
      group: 'Containers',
      id: 'ecs-service',
      label: 'ECS service (EC2)',
      hint: 'Drop in an ECS cluster',
      variant: 'ec2',
    },
    {
      group: 'Containers',
      id: 'fargate',
      label: 'Fargate service',
      hint: 'Drop in an ECS cluster',
      variant: 'fargate',
      icon: ICONS.fargate,
    },
  ],
  band: 'main',
  facts(_, service, facts) {
    facts.lines.push(
      `${service.launchType === 'FARGATE' ? 'Fargate' : 'EC2'} · ${service.desiredCount} tasks · ${service.taskCpu / 1024} vCPU / ${service.taskMemory} MiB`,
    );
  },
};
