import type { LambdaTrigger } from '../../domain';
import { ICONS } from '../icons';
import { ResourceCard } from '../nodes/ResourceCard';
import type { ResourceNodeProps } from '../nodes/parts';
import { ACCENT } from './cards';
import type { KindView } from './view';

const SOURCE_ICON: Record<LambdaTrigger['source'], string> = {
  apiGateway: ICONS.apiGateway,
  sqs: ICONS.sqs,
  s3: ICONS.s3,
  eventBridgeSchedule: ICONS.eventBridge,
};

/** A trigger shows the icon of its event source. */
function TriggerNode(p: ResourceNodeProps) {
  const resource = p.data.resource;
  const icon = resource.kind === 'lambdaTrigger' ? SOURCE_ICON[resource.source] : ICONS.apiGateway;
  return <ResourceCard {...p} icon={icon} accent={ACCENT.serverless} />;
}

const hint = 'Drop in a Region with a function';

export const lambdaTriggerView: KindView<'lambdaTrigger'> = {
  node: TriggerNode,
  icon: ICONS.apiGateway,
  palette: [
    {
      group: 'Serverless',
      id: 'api-gateway',
      label: 'API Gateway trigger',
      hint,
      variant: 'apiGateway',
      icon: ICONS.apiGateway,
    },
    { group: 'Serverless', id: 'sqs', label: 'SQS trigger', hint, variant: 'sqs', icon: ICONS.sqs },
    { group: 'Serverless', id: 's3', label: 'S3 event trigger', hint, variant: 's3', icon: ICONS.s3 },
    {
      group: 'Serverless',
      id: 'schedule',
      label: 'EventBridge schedule',
      hint,
      variant: 'eventBridgeSchedule',
      icon: ICONS.eventBridge,
    },
  ],
  edges: [{ field: 'functionId', role: 'trigger', direction: 'out' }],
  band: 'bottom',
  facts(_, trigger, facts) {
    facts.lines.push(trigger.source === 'eventBridgeSchedule' ? 'schedule' : `${trigger.eventsPerSecond} events/s`);
  },
};
