import {
  createAvailabilityZone,
  createInstance,
  createInternetGateway,
  createRegion,
  createSubnet,
  createVpc,
  newVpcResources,
  type NewVpc,
} from './factories';
import type { IdSource } from './idSource';
import { emptyDesign, type Design, type Kind, type Resource } from './design';
import { asResourceId, type SecurityGroupId } from './ids';
import { KIND_SPECS } from './kinds/registry';
import type { AvailabilityZone, Ec2Instance, InternetGateway, Region, RouteTable, Subnet } from './kinds';
import type { Flow } from './flows';

/** Readable, predictable ids (`subnet-1`, `subnet-2`) for templates, tests and examples. */
export function sequentialIds(): IdSource {
  const counters = new Map<Kind, number>();
  return {
    next<T extends string>(kind: Kind): T {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${KIND_SPECS[kind].idPrefix}-${n}` as T;
    },
  };
}

/**
 * Builds a design step by step with AWS's defaults, for templates and tests:
 * `new DesignBuilder().region('us-east-1').vpc('10.0.0.0/16')...`.
 */
export class DesignBuilder {
  readonly ids: IdSource = sequentialIds();
  private readonly resources: Resource[] = [];
  private readonly layout: Design['layout'] = {};
  private readonly flows: Flow[] = [];
  constructor(private readonly name = 'Untitled design') {}

  add<R extends Resource>(resource: R): R {
    this.resources.push(resource);
    return resource;
  }

  region(code = 'us-east-1'): Region {
    return this.add(createRegion(this.ids, code));
  }

  /** A zone; given a VPC, it is drawn inside that VPC (its subnets then nest in it). */
  zone(region: Region, zoneName: string, drawnIn?: NewVpc): AvailabilityZone {
    const zone = this.add(createAvailabilityZone(this.ids, region.id, zoneName));
    if (drawnIn) this.layout[zone.id] = { parentId: asResourceId(drawnIn.vpc.id) };
    return zone;
  }

  vpc(region: Region, cidr: string, name = 'VPC'): NewVpc {
    const created = createVpc(this.ids, region.id, cidr, name);
    newVpcResources(created).forEach((r) => this.add(r));
    return created;
  }

  subnet(
    vpc: NewVpc,
    zone: AvailabilityZone,
    cidr: string,
    name = 'Subnet',
    options: { public?: boolean } = {},
  ): Subnet {
    const subnet = createSubnet(this.ids, vpc.vpc.id, zone.id, cidr, name);
    subnet.mapPublicIpOnLaunch = options.public ?? false;
    return this.add(subnet);
  }

  internetGateway(vpc: NewVpc): InternetGateway {
    return this.add(createInternetGateway(this.ids, vpc.vpc.id));
  }

  /** Adds a route in place; the table must already be in the builder. */
  route(table: RouteTable, destination: string, target: string): void {
    table.routes.push({ destination, target: target as RouteTable['routes'][number]['target'] });
  }

  instance(subnet: Subnet, privateIp: string, securityGroupIds: SecurityGroupId[], name = 'Instance'): Ec2Instance {
    return this.add(createInstance(this.ids, { subnet, privateIp, securityGroupIds, name }));
  }

  /** A flow of traffic between two endpoints (as `nimbus reach` names them); ids run `flow-1`, `flow-2`. */
  flow(from: string, to: string, options: Partial<Omit<Flow, 'from' | 'to'>> = {}): Flow {
    const flow: Flow = {
      id: `flow-${this.flows.length + 1}`,
      name: `${from} → ${to}`,
      protocol: 'tcp',
      port: 443,
      ratePerSecond: 1,
      ...options,
      from,
      to,
    };
    this.flows.push(flow);
    return flow;
  }

  build(): Design {
    const design = emptyDesign(this.name);
    for (const resource of this.resources) design.resources[resource.id] = resource;
    design.layout = { ...this.layout };
    // Only designs with flows carry the field, so older designs compare equal after a round trip.
    if (this.flows.length > 0) design.flows = this.flows.map((f) => ({ ...f }));
    return design;
  }
}
