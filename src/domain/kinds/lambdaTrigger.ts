import { getResource, layoutParent, resourceById } from '../lookup';
import { reportedAs, requiredRef } from './references';
import type { KindSpec } from './spec';
import { resourcesOfKind } from '../lookup';
import { created, refusedDrop } from './drop';
import type { LambdaTrigger } from './lambdaTrigger.schema';

// Typed against every source the schema allows, so a new one can't be left out.
export const TRIGGER_SOURCE_NAMES: Record<LambdaTrigger['source'], string> = {
  apiGateway: 'API Gateway',
  sqs: 'SQS queue',
  s3: 'S3 event',
  eventBridgeSchedule: 'Schedule',
};

export const lambdaTriggerKind: KindSpec<'lambdaTrigger'> = {
  kind: 'lambdaTrigger',
  idPrefix: 'trigger',
  label: 'a trigger',
  containers: ['region'],
  isContainer: false,
  containerOf(design, trigger) {
    const fn = getResource(design, trigger.functionId, 'lambdaFunction');
    return fn ? resourceById(design, fn.regionId) : layoutParent(design, trigger.id);
  },
  references: [reportedAs('TRIGGER_FUNCTION_MISSING', requiredRef('functionId', ['lambdaFunction'], 'deleteSelf'))],
  // A trigger invokes the first function of the Region; a schedule fires once a minute.
  create({ design, region, ids, variant }) {
    const fn = resourcesOfKind(design, 'lambdaFunction').find((f) => f.regionId === region?.id);
    if (!fn) return refusedDrop('Add a Lambda function to this Region first: a trigger invokes one.');
    const source =
      (Object.keys(TRIGGER_SOURCE_NAMES) as LambdaTrigger['source'][]).find((s) => s === variant) ?? 'apiGateway';
    return created({
      kind: 'lambdaTrigger',
      id: ids.next('lambdaTrigger'),
      name: TRIGGER_SOURCE_NAMES[source],
      functionId: fn.id,
      source,
      eventsPerSecond: source === 'eventBridgeSchedule' ? 1 : 10,
      load: source === 'eventBridgeSchedule' ? { shape: 'schedule', everySeconds: 60 } : { shape: 'constant' },
    });
  },
  duplicate: { reset: (copy) => copy },
};

export type { LambdaTrigger } from './lambdaTrigger.schema';
