import {
  kindSpec,
  resourcesOfKind,
  type Design,
  type DropResult,
  type IdSource,
  type Kind,
  type LambdaTrigger,
  type Resource,
} from '../domain';
import { checkDrop, regionOf } from './containment';
import { proposePrivateIp, proposeSubnetCidr, proposeVpcCidr } from './proposals';

/** What a palette item makes: a kind, and for some kinds a variant (Fargate service, SQS trigger…). */
export interface NewResourceSpec {
  kind: Kind;
  variant?: 'fargate' | 'ec2' | LambdaTrigger['source'] | 'nodeGroup' | 'fargateProfile' | 'dynamodb' | 'network';
}

/** Public addresses from the documentation ranges (RFC 5737), so they never look like someone's real host. */
function nextPublicIp(design: Design): string {
  const used = new Set([
    ...resourcesOfKind(design, 'elasticIp').map((e) => e.publicIp),
    ...resourcesOfKind(design, 'customerGateway').map((c) => c.ipAddress),
  ]);
  for (const prefix of ['203.0.113.', '198.51.100.']) {
    for (let n = 10; n < 255; n++) if (!used.has(prefix + n)) return prefix + n;
  }
  return '192.0.2.10';
}

/**
 * The resources a drop creates, with AWS's defaults and proposed addresses, or
 * the reason it can't be made there: the containment rules first, then the
 * kind's own `create` (in `domain/kinds/`). Pure: the caller commits the result.
 */
export function createForDrop(
  design: Design,
  spec: NewResourceSpec,
  container: Resource | undefined,
  ids: IdSource,
): DropResult {
  const check = checkDrop(design, spec.kind, container);
  if (!check.ok) return check;
  const region = regionOf(design, container);
  return kindSpec(spec.kind).create({
    design,
    container,
    region: region?.kind === 'region' ? region : undefined,
    vpc: container?.kind === 'vpc' ? container : undefined,
    ids,
    variant: spec.variant,
    proposeVpcCidr: () => proposeVpcCidr(design),
    proposeSubnetCidr: (vpc) => proposeSubnetCidr(design, vpc),
    proposePrivateIp: (subnet) => proposePrivateIp(design, subnet),
    nextPublicIp: () => nextPublicIp(design),
  });
}
