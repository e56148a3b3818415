import type { Design, Kind, Resource, ResourceOf } from '../design';
import type { IdSource } from '../idSource';
import type { Region } from './region';
import type { RouteTable } from './routeTable';
import type { Subnet } from './subnet';
import type { Vpc } from './vpc';

/**
 * What happens to a resource when something it points at is deleted:
 * - `deleteSelf`: it can't exist without it (a route table without its VPC, a VPN without its gateway);
 * - `clear`: the reference becomes null (an internet gateway detaches from a deleted VPC);
 * - `remove`: the id leaves a list (a deleted subnet leaves a route table's associations);
 * - `keep`: the reference stays dangling on purpose (AWS keeps a route to a deleted gateway as a blackhole).
 */
export type OnDelete = 'deleteSelf' | 'clear' | 'remove' | 'keep';

/** One field of a resource that holds the ids of other resources. */
export interface Reference<R> {
  /** The field, in words a finding or a notice can use (`subnetId`, `vpcConfig.subnetIds`). */
  field: string;
  /** The kinds the ids may name; `routeTargets`: any kind whose spec has `routeTarget`. */
  kinds: readonly Kind[] | 'routeTargets';
  onDelete: OnDelete;
  /**
   * The validation code of the topic rule that explains this reference when it
   * names nothing (`SUBNET_VPC_MISSING`). Where that rule reported it, the
   * generic `REFERENCE_MISSING` rule stays quiet; everywhere else it reports.
   */
  missingCode?: string;
  /** The ids the field holds now. */
  ids(resource: R): readonly string[];
  /** The resource without the given ids (for `clear` and `remove`). Pure: returns a copy when it changes. */
  without(resource: R, gone: ReadonlySet<string>): R;
}

/** Why a route to this resource goes nowhere, or null when it forwards. */
export type BlackholeCheck<R> = (design: Design, table: RouteTable, target: R) => string | null;

/**
 * What a kind's `create` gets when one is dropped: where, and the address
 * proposals the engine makes (CIDR math lives above the domain).
 */
export interface DropContext {
  design: Design;
  /** The container it is dropped in; undefined on the open canvas. */
  container: Resource | undefined;
  /** The Region the container is in (the container itself when it is one). */
  region: Region | undefined;
  /** The container when it is a VPC. */
  vpc: Vpc | undefined;
  ids: IdSource;
  /** The palette variant (Fargate or EC2 service, trigger source, EKS compute). */
  variant?: string;
  proposeVpcCidr(): string;
  proposeSubnetCidr(vpc: Vpc): string | null;
  proposePrivateIp(subnet: Subnet): string | null;
  /** A public address from the documentation ranges that the design does not use yet. */
  nextPublicIp(): string;
}

/** What a drop creates (the first resource is the one the user placed), or why it can't be made there. */
export type DropResult = { ok: true; resources: Resource[]; primaryId: string } | { ok: false; reason: string };

/**
 * Everything the pure core knows about one resource kind. Every table and
 * switch that used to list kinds reads this instead, so a kind is added in
 * one file (plus one line in the registry).
 */
export interface KindSpec<K extends Kind> {
  kind: K;
  /** AWS-style id prefix for new resources (`subnet-0a1b2c3d`). */
  idPrefix: string;
  /** The kind in a sentence, with its article: "a VPC", "an Availability Zone". */
  label: string;
  /** Where it may be drawn; `null` is the open canvas. */
  containers: readonly (Kind | null)[];
  /** Whether it is drawn as a frame that holds other resources. */
  isContainer: boolean;
  /**
   * The container it is drawn in, derived from the model (and for some kinds the
   * layout). `containerOfAny` answers for other resources, for kinds drawn where a related one is.
   */
  containerOf(
    design: Design,
    resource: ResourceOf<K>,
    containerOfAny: (resource: Resource) => Resource | undefined,
  ): Resource | undefined;
  /** Every field that names other resources: read by delete, duplicate, validation and importers. */
  references: readonly Reference<ResourceOf<K>>[];
  /**
   * Present when a route may send traffic to it: the VPC whose route tables may
   * name it (the route table editor offers it there), and when such a route is a blackhole.
   */
  routeTarget?: {
    vpcOf(design: Design, target: ResourceOf<K>): string | null;
    /** Every VPC whose route tables may name it, for targets that serve several (a peering, a transit gateway). */
    vpcsOf?(design: Design, target: ResourceOf<K>): readonly string[];
    blackholeReason: BlackholeCheck<ResourceOf<K>>;
  };
  /**
   * The resources a drop creates, with AWS's defaults; called once the drop is
   * allowed by `containers`, so it refuses only for kind-specific reasons.
   */
  create(ctx: DropContext): DropResult;
  /**
   * How a copy is made (the copy already has a new id and name), or `false`
   * when the kind is not copied (it holds others, or a VPC takes one).
   * `needsAddress`: the copy gets a fresh private address in its subnet.
   */
  duplicate: false | { reset(copy: ResourceOf<K>): ResourceOf<K>; needsAddress?: boolean };
}

export type KindRegistry = { readonly [K in Kind]: KindSpec<K> };
