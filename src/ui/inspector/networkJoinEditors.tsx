import {
  getResource,
  PeeringStatusSchema,
  PRICES,
  resourcesOfKind,
  type TransitGateway,
  type TransitGatewayAttachment,
  type VpcPeeringConnection,
} from '../../domain';
import { parseCidr } from '../../net';
import { updateResource } from '../../store';
import { CheckboxField, Section, SelectField, smallButton, TextField } from './fields';
import type { EditorProps } from './editors';

/**
 * Editors of the kinds that join VPCs: a peering's state, a transit gateway's
 * route tables and static routes, an attachment's subnets, association and
 * propagations. Sources: Amazon VPC Peering Guide, "VPC peering connection
 * lifecycle"; Amazon VPC Transit Gateways, "Transit gateway route tables".
 */

export function PeeringEditor({ resource: pcx, design }: EditorProps<VpcPeeringConnection>) {
  const vpc = (id: string) => getResource(design, id, 'vpc');
  return (
    <Section title="Peering">
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {vpc(pcx.requesterVpcId)?.name ?? pcx.requesterVpcId} (requester) ↔{' '}
        {vpc(pcx.accepterVpcId)?.name ?? pcx.accepterVpcId} (accepter). Not transitive, no edge-to-edge routing; each
        side needs a route to the other&apos;s CIDR. No hourly charge; data across zones or Regions is billed as
        transfer (AWS VPC pricing, not simulated here).
      </p>
      <SelectField
        label="Status"
        value={pcx.status}
        options={PeeringStatusSchema.options.map((s) => ({ value: s, label: s }))}
        hint="Only an active peering carries traffic; the accepter accepts a pending one within 7 days."
        onChange={(status) => updateResource<VpcPeeringConnection>(pcx.id, (d) => void (d.status = status))}
      />
    </Section>
  );
}

const cidrError = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? null : parsed.error;
};

export function TransitGatewayEditor({ resource: tgw, design }: EditorProps<TransitGateway>) {
  const attachments = resourcesOfKind(design, 'transitGatewayAttachment').filter((a) => a.transitGatewayId === tgw.id);
  const edit = (recipe: (d: TransitGateway) => void, field?: string) =>
    updateResource<TransitGateway>(tgw.id, (d) => void recipe(d as TransitGateway), field);
  return (
    <>
      <p className="px-4 pb-2 text-xs text-slate-500 dark:text-slate-400">
        ${PRICES.transitGateway.attachmentHour} per attachment-hour (billed) and ${PRICES.transitGateway.perGb} per GB
        processed (billed on the bytes of the flows that cross it), from aws.amazon.com/transit-gateway/pricing. Longest
        prefix wins; a static route beats a propagated one; a blackhole drops.
      </p>
      {tgw.routeTables.map((table, t) => (
        <Section key={table.id} title={`Route table ${table.name}`}>
          {table.routes.map((route, r) => (
            <div key={r} className="flex items-end gap-2">
              <TextField
                label="Destination"
                mono
                value={route.destination}
                error={cidrError(route.destination)}
                onChange={(v) =>
                  edit((d) => void (d.routeTables[t]!.routes[r]!.destination = v), `tgw-route-${t}-${r}`)
                }
              />
              <SelectField
                label="Attachment"
                value={route.attachmentId ?? ''}
                options={[
                  { value: '', label: 'blackhole (drop)' },
                  ...attachments.map((a) => ({ value: a.id as string, label: a.name })),
                ]}
                onChange={(v) => edit((d) => void (d.routeTables[t]!.routes[r]!.attachmentId = v || null))}
              />
              <button
                type="button"
                className={smallButton}
                onClick={() => edit((d) => void d.routeTables[t]!.routes.splice(r, 1))}
              >
                Remove
              </button>
            </div>
          ))}
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Propagated:{' '}
            {attachments
              .filter((a) => a.propagatedRouteTableIds.includes(table.id))
              .map((a) => a.name)
              .join(', ') || 'none'}
          </p>
          <button
            type="button"
            className={`${smallButton} self-start`}
            onClick={() =>
              edit((d) => void d.routeTables[t]!.routes.push({ destination: '0.0.0.0/0', attachmentId: null }))
            }
          >
            Add static route
          </button>
        </Section>
      ))}
      <Section title="Route tables">
        <button
          type="button"
          className={`${smallButton} self-start`}
          onClick={() =>
            edit(
              (d) =>
                void d.routeTables.push({
                  id: `tgw-rtb-${tgw.id.replace(/^tgw-/, '')}-${d.routeTables.length + 1}`,
                  name: `Route table ${d.routeTables.length + 1}`,
                  routes: [],
                }),
            )
          }
        >
          Add route table
        </button>
      </Section>
    </>
  );
}

export function TransitGatewayAttachmentEditor({
  resource: attachment,
  design,
}: EditorProps<TransitGatewayAttachment>) {
  const tgw = getResource(design, attachment.transitGatewayId, 'transitGateway');
  const edit = (recipe: (d: TransitGatewayAttachment) => void) =>
    updateResource<TransitGatewayAttachment>(attachment.id, (d) => void recipe(d as TransitGatewayAttachment));
  const tables = tgw?.routeTables ?? [];
  const subnets = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === attachment.vpcId);
  return (
    <>
      <Section title="Routing">
        <SelectField
          label="Associated route table"
          value={attachment.associatedRouteTableId ?? ''}
          options={[{ value: '', label: 'none' }, ...tables.map((t) => ({ value: t.id, label: t.name }))]}
          hint="Routes the packets that arrive from this attachment."
          onChange={(v) => edit((d) => void (d.associatedRouteTableId = v || null))}
        />
        {tables.map((t) => (
          <CheckboxField
            key={t.id}
            label={`Propagate into ${t.name}`}
            checked={attachment.propagatedRouteTableIds.includes(t.id)}
            onChange={(on) =>
              edit((d) => {
                d.propagatedRouteTableIds = d.propagatedRouteTableIds.filter((id) => id !== t.id);
                if (on) d.propagatedRouteTableIds.push(t.id);
              })
            }
          />
        ))}
      </Section>
      {attachment.type === 'vpc' && (
        <Section title="Subnets (one per Availability Zone)">
          {subnets.map((s) => (
            <CheckboxField
              key={s.id}
              label={`${s.name} (${getResource(design, s.azId, 'availabilityZone')?.name ?? s.azId})`}
              checked={attachment.subnetIds.includes(s.id)}
              hint="Subnets in a zone without an attachment subnet can't use the transit gateway."
              onChange={(on) =>
                edit((d) => {
                  // One subnet per zone: choosing one replaces the other of its zone.
                  d.subnetIds = d.subnetIds.filter(
                    (id) => id !== s.id && getResource(design, id, 'subnet')?.azId !== s.azId,
                  );
                  if (on) d.subnetIds.push(s.id);
                })
              }
            />
          ))}
        </Section>
      )}
    </>
  );
}
