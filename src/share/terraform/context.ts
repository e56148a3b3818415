import type { Design, Kind, Resource, ResourceOf } from '../../domain/design';
import type { HclBody, HclValue } from './hcl';

/** What an encoder may ask while writing one resource. */
export interface EncodeContext {
  design: Design;
  /** A reference to the Terraform resource written for a Nimbus id (`aws_vpc.main.id`), or the id as text when the design lacks it. */
  ref(id: string | null | undefined, attribute?: string): HclValue;
  refs(ids: readonly string[], attribute?: string): HclValue[];
  /** `tags = { Name = ... }`. */
  tags(resource: Resource): HclValue;
  /** The zone name of an Availability Zone (`us-east-1a`). */
  zoneName(azId: string): string;
  /** An AMI as a reference to its public SSM parameter, or the id as text. */
  ami(amiId: string): HclValue;
  /** A variable the caller fills (a role ARN Nimbus does not model); declared once, referenced as `var.<name>`. */
  variable(name: string, description: string): HclValue;
}

/** One Terraform resource an encoder writes besides the resource's own (an association, a rule). */
export interface SecondaryBlock {
  type: string;
  /** Appended to the resource's own name: `aws_route_table_association.public_1`. */
  suffix: string;
  body: HclBody;
}

/** A resource as any Terraform source gives it: HCL (via hcl2json's JSON), a plan's planned values, a state. */
export interface TfResource {
  address: string;
  type: string;
  name: string;
  /** Arguments and nested blocks (arrays of objects); references as `"${aws_vpc.main.id}"`. */
  values: Record<string, unknown>;
  /** Arguments a plan leaves unknown until apply (`after_unknown`). */
  unknown?: ReadonlySet<string>;
}

/** What a decoder may ask while reading one resource. */
export interface DecodeContext {
  /** The Nimbus id of the resource a value names (a reference, or an AWS id, ARN or name known in the file). */
  id(value: unknown): string | null;
  ids(value: unknown): string[];
  str(resource: TfResource, key: string, fallback: string): string;
  num(resource: TfResource, key: string, fallback: number): number;
  bool(resource: TfResource, key: string, fallback: boolean): boolean;
  /** A flag the source sets, or null when it leaves it out or Terraform knows it only after apply. */
  optionalBool(resource: TfResource, key: string): boolean | null;
  /** The name a resource had in Nimbus: its `Name` tag, else its Terraform name. */
  name(resource: TfResource): string;
  /** Resources of `type` whose `field` names the resource at `address` (its associations, rules, listeners). */
  children(type: string, field: string, address: string): TfResource[];
  regionId(): string;
  /** The id of the Availability Zone of this name in this VPC (made when missing). */
  azId(zoneName: string, vpcId: string | null): string;
  amiId(value: unknown): string;
  /** Says a value is unknown until apply. */
  unknown(resource: TfResource, key: string): void;
  warn(message: string): void;
}

/**
 * How one kind is written as Terraform and read back. `typeOf` is null for a
 * kind Terraform has no resource for (a Region, the internet): it is kept
 * whole in the sidecar.
 */
export interface KindMapping<K extends Kind> {
  /** The Terraform types a resource of this kind is written as (one per resource; which one may depend on it). */
  types: readonly string[];
  /** Types written beside it that its decoder reads back (associations, rules, listeners). */
  parts?: readonly string[];
  /** What the docs table says beside the types. */
  note?: string;
  typeOf(resource: ResourceOf<K>): string | null;
  encode(resource: ResourceOf<K>, ctx: EncodeContext): { body: HclBody; secondary?: SecondaryBlock[] };
  /** The resource's fields but `kind` and `id`, with AWS's defaults for what the source leaves out. */
  decode(resource: TfResource, ctx: DecodeContext): Record<string, unknown>;
}

export type KindMappings = { readonly [K in Kind]: KindMapping<K> };
