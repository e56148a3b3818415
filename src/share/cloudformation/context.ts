import type { Design, Kind, Resource, ResourceOf } from '../../domain/design';

/** A CloudFormation value: text, numbers, lists, objects and intrinsic functions in their long form. */
export type CfnValue = unknown;
export type CfnProperties = Record<string, CfnValue>;

export interface CfnResource {
  Type: string;
  Properties?: CfnProperties;
  DependsOn?: string[];
}

/** What a kind's export may ask of the template being written. */
export interface ExportContext {
  readonly design: Design;
  /** `!Ref` to a resource's own CloudFormation resource; its Nimbus id as text when the code has none for it. */
  ref(id: string | null | undefined): CfnValue;
  /** `!GetAtt` of a resource's own CloudFormation resource (its id as text when it has none). */
  att(id: string, attribute: string): CfnValue;
  /** The logical id of a resource's own CloudFormation resource. */
  logicalOf(id: string): string | undefined;
  /** Adds a resource beside the kind's own (a route, an association) and returns its logical id. */
  add(base: string, resource: CfnResource): string;
  /** The logical id of a gateway's `AWS::EC2::VPCGatewayAttachment`, the same whoever asks first (the gateway, or a route that depends on it). */
  attachmentOf(gatewayId: string): string;
  put(logicalId: string, resource: CfnResource): void;
  /** A template parameter (created once per name); returns its `!Ref`. */
  parameter(name: string, spec: CfnProperties): CfnValue;
  output(name: string, value: CfnValue, description: string): void;
}

/** A resource of the template as the import reads it: its properties with intrinsics evaluated. */
export interface ReadResource {
  logicalId: string;
  type: string;
  properties: CfnProperties;
}

/** What a kind's import may ask of the template being read. */
export interface ImportContext {
  /** The Nimbus id a value names (`!Ref X`, `!GetAtt X.GroupId`, a literal id), or null. */
  idOf(value: CfnValue): string | null;
  ids(value: CfnValue): string[];
  /** Text, a number or a flag; null (and noted as unknown until deploy) when the template can't say. */
  text(value: CfnValue, what: string): string | null;
  number(value: CfnValue, what: string): number | null;
  flag(value: CfnValue): boolean | null;
  /** Resources of a type whose `property` names `logicalId` (a VPC's routes, a group's ingress rules), in template order. */
  beside(type: string, property: string, logicalId: string): ReadResource[];
  read(logicalId: string): ReadResource | undefined;
  /** The resource name: its `Name` tag, else the fallback. */
  nameOf(properties: CfnProperties, fallback: string): string;
  /** An id for a resource the code implies (a VPC's default group), kept from the metadata when it has one. */
  impliedId(kind: Kind, key: string): string;
  /** The Availability Zone of a zone name in a VPC, made when the design has none. */
  zone(zoneName: string, vpcId: string | null): string;
  /** The Nimbus id of the Region the stack is drawn in. */
  region(): string;
  /** That Region's code (`us-east-1`). */
  regionCode(): string;
  /** Adds a resource the code implies. */
  imply(resource: Record<string, unknown>): void;
  /** Notes a value only a deployed stack knows (an Elastic IP's address). */
  unknownUntilDeploy(what: string): void;
  warn(text: string): void;
}

/**
 * How one kind is written as CloudFormation and read back. `types` are the
 * resource types that are the kind's own (one CloudFormation resource, one
 * Nimbus resource); `beside` the types its export adds next to it and its
 * import reads from (routes, associations, rules). A kind CloudFormation has
 * no resource for says so in `inMetadataOnly`, and is kept whole in the
 * template's `Metadata.Nimbus`.
 */
export type KindMapping<K extends Kind> =
  | {
      types: readonly string[];
      beside: readonly string[];
      /** Whether this resource is written as code (false: kept whole in the metadata). */
      inCode?: (resource: ResourceOf<K>, design: Design) => boolean;
      write(resource: ResourceOf<K>, ctx: ExportContext): CfnResource;
      /** Reads one resource of `types`; null when it isn't this kind after all. */
      read(resource: ReadResource, ctx: ImportContext): Record<string, unknown> | null;
      /** A line for docs/iac.md: what is kept in the metadata. */
      notes: string;
    }
  | { inMetadataOnly: string };

export type MappingTable = { [K in Kind]: KindMapping<K> };

export const tagsOf = (name: string) => (name ? [{ Key: 'Name', Value: name }] : undefined);

export function isResourceOf<K extends Kind>(resource: Resource, kind: K): resource is ResourceOf<K> {
  return resource.kind === kind;
}
