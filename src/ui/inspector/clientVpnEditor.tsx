import { Plus } from 'lucide-react';
import {
  CLIENT_VPN_MAX_AUTHORIZATION_RULES,
  CLIENT_VPN_MAX_CONNECTIONS,
  CLIENT_VPN_MAX_PREFIX,
  CLIENT_VPN_MIN_PREFIX,
  CLIENT_VPN_MAX_ROUTES,
  authorizationRulesOf,
  getResource,
  PRICES,
  resourcesOfKind,
  type ClientVpnEndpoint,
  type Design,
} from '../../domain';
import { parseCidr } from '../../net';
import { updateResource } from '../../store';
import {
  CheckboxField,
  NumberField,
  RemoveRowButton,
  Section,
  SelectField,
  TextField,
  cellControl,
  smallButton,
} from './fields';
import { IdChecklist, toggled } from './idChecklist';
import type { EditorProps } from './editors';

type SubnetId = ClientVpnEndpoint['targetSubnetIds'][number];

const editEndpoint = (id: string, recipe: (d: ClientVpnEndpoint) => void, field?: string) =>
  updateResource<ClientVpnEndpoint>(id, recipe as never, field);

/** What the client CIDR field says when AWS would refuse it (the full rule is in Problems). */
function clientCidrError(text: string): string | null {
  const parsed = parseCidr(text);
  if (!parsed.ok) return parsed.error;
  const { prefix } = parsed.value;
  return prefix < CLIENT_VPN_MIN_PREFIX || prefix > CLIENT_VPN_MAX_PREFIX
    ? `AWS takes a client CIDR between /${CLIENT_VPN_MIN_PREFIX} and /${CLIENT_VPN_MAX_PREFIX}.`
    : null;
}

/** One association per zone: the zones of the VPC, each with a choice of its subnets (or none). */
function Associations({ endpoint, design }: { endpoint: ClientVpnEndpoint; design: Design }) {
  const subnets = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === endpoint.vpcId);
  const zones = [...new Set(subnets.map((s) => s.azId))];
  if (zones.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No subnet in this VPC.</p>;
  return (
    <>
      {zones.map((zoneId) => {
        const inZone = subnets.filter((s) => s.azId === zoneId);
        const associated = endpoint.targetSubnetIds.find((id) => inZone.some((s) => s.id === id));
        return (
          <SelectField
            key={zoneId}
            label={getResource(design, zoneId, 'availabilityZone')?.zoneName ?? zoneId}
            value={associated ?? ''}
            options={[
              { value: '', label: 'Not associated' },
              ...inZone.map((s) => ({ value: s.id, label: `${s.name} (${s.cidr})` })),
            ]}
            onChange={(subnetId) =>
              editEndpoint(endpoint.id, (d) => {
                const gone = d.targetSubnetIds.filter((id) => inZone.some((s) => s.id === id));
                d.targetSubnetIds = d.targetSubnetIds.filter((id) => !gone.includes(id));
                // Disassociating a subnet removes the routes through it, as in AWS.
                d.routes = d.routes.filter((r) => !gone.includes(r.targetSubnetId));
                if (subnetId) d.targetSubnetIds.push(subnetId as SubnetId);
              })
            }
          />
        );
      })}
    </>
  );
}

function AuthorizationRules({ endpoint, design }: { endpoint: ClientVpnEndpoint; design: Design }) {
  const rules = authorizationRulesOf(endpoint);
  // Editing moves rules of earlier files (`authorizedCidrs`) into the rule list, so one list is edited.
  const edit = (recipe: (rules: ClientVpnEndpoint['authorizationRules']) => void, field?: string) =>
    editEndpoint(
      endpoint.id,
      (d) => {
        d.authorizationRules = authorizationRulesOf(d);
        d.authorizedCidrs = [];
        recipe(d.authorizationRules);
      },
      field,
    );
  const vpcCidr = getResource(design, endpoint.vpcId, 'vpc')?.cidr ?? '10.0.0.0/16';
  return (
    <Section
      title="Authorization rules"
      actions={
        <button
          type="button"
          className={smallButton}
          disabled={rules.length >= CLIENT_VPN_MAX_AUTHORIZATION_RULES}
          onClick={() => edit((list) => void list.push({ destinationCidr: vpcCidr, accessGroup: null }))}
        >
          <Plus size={12} aria-hidden /> Add authorization rule
        </button>
      }
    >
      {rules.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          No rule: users can connect but reach nothing. Client VPN denies every destination no rule authorizes.
        </p>
      ) : (
        <table className="w-full text-xs" aria-label="Authorization rules">
          <thead>
            <tr className="text-left text-slate-500 dark:text-slate-400">
              <th className="font-medium">Destination</th>
              <th className="font-medium">Who</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={index}>
                <td className="pr-1">
                  <input
                    aria-label={`Authorization rule ${index + 1} destination`}
                    className={`${cellControl} font-mono`}
                    spellCheck={false}
                    value={rule.destinationCidr}
                    aria-invalid={!parseCidr(rule.destinationCidr).ok}
                    onChange={(e) =>
                      edit((list) => void (list[index]!.destinationCidr = e.target.value), `auth:${index}:cidr`)
                    }
                  />
                </td>
                <td className="pr-1">
                  <input
                    aria-label={`Authorization rule ${index + 1} group`}
                    className={cellControl}
                    placeholder="All users"
                    spellCheck={false}
                    value={rule.accessGroup ?? ''}
                    onChange={(e) =>
                      edit(
                        (list) => void (list[index]!.accessGroup = e.target.value.trim() ? e.target.value : null),
                        `auth:${index}:group`,
                      )
                    }
                  />
                </td>
                <td>
                  <RemoveRowButton
                    label={`Remove authorization rule ${rule.destinationCidr}`}
                    onRemove={() => edit((list) => void list.splice(index, 1))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The most specific rule for a destination decides (longest prefix). Leave the group empty for all users.
      </p>
    </Section>
  );
}

function Routes({ endpoint, design }: { endpoint: ClientVpnEndpoint; design: Design }) {
  const vpc = getResource(design, endpoint.vpcId, 'vpc');
  const associated = endpoint.targetSubnetIds.flatMap((id) => {
    const subnet = getResource(design, id, 'subnet');
    return subnet ? [subnet] : [];
  });
  const subnetName = (id: string) => getResource(design, id, 'subnet')?.name ?? id;
  return (
    <Section
      title="Route table"
      actions={
        <button
          type="button"
          className={smallButton}
          disabled={associated.length === 0 || endpoint.routes.length >= CLIENT_VPN_MAX_ROUTES}
          onClick={() =>
            editEndpoint(
              endpoint.id,
              (d) => void d.routes.push({ destinationCidr: '0.0.0.0/0', targetSubnetId: associated[0]!.id }),
            )
          }
        >
          <Plus size={12} aria-hidden /> Add route
        </button>
      }
    >
      <table className="w-full text-xs" aria-label="Client VPN routes">
        <thead>
          <tr className="text-left text-slate-500 dark:text-slate-400">
            <th className="font-medium">Destination</th>
            <th className="font-medium">Through subnet</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {associated.flatMap((subnet) =>
            [vpc?.cidr ?? '', ...(vpc?.secondaryCidrs ?? [])].map((cidr) => (
              <tr key={`${subnet.id}:${cidr}`} className="text-slate-500 dark:text-slate-400">
                <td className="py-0.5 pr-1 font-mono">{cidr}</td>
                <td className="pr-1">{subnet.name}</td>
                <td className="text-[11px]">with the association</td>
              </tr>
            )),
          )}
          {endpoint.routes.map((route, index) => (
            <tr key={index}>
              <td className="pr-1">
                <input
                  aria-label={`Route ${index + 1} destination`}
                  className={`${cellControl} font-mono`}
                  spellCheck={false}
                  value={route.destinationCidr}
                  aria-invalid={!parseCidr(route.destinationCidr).ok}
                  onChange={(e) =>
                    editEndpoint(
                      endpoint.id,
                      (d) => void (d.routes[index]!.destinationCidr = e.target.value),
                      `route:${index}:cidr`,
                    )
                  }
                />
              </td>
              <td className="pr-1">
                <select
                  aria-label={`Route ${index + 1} subnet`}
                  className={cellControl}
                  value={route.targetSubnetId}
                  onChange={(e) =>
                    editEndpoint(
                      endpoint.id,
                      (d) => void (d.routes[index]!.targetSubnetId = e.target.value as SubnetId),
                    )
                  }
                >
                  {!associated.some((s) => s.id === route.targetSubnetId) && (
                    <option value={route.targetSubnetId}>{subnetName(route.targetSubnetId)} (not associated)</option>
                  )}
                  {associated.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <RemoveRowButton
                  label={`Remove route ${route.destinationCidr}`}
                  onRemove={() => editEndpoint(endpoint.id, (d) => void d.routes.splice(index, 1))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {associated.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Associate a subnet first: AWS adds a route for the VPC with each association, and every route goes through an
          associated subnet.
        </p>
      )}
    </Section>
  );
}

/**
 * The Client VPN endpoint: client CIDR, target-network associations (one
 * subnet per zone), the groups on their interfaces, authorization rules, the
 * endpoint's route table, split tunnel and the clients connected (billed).
 */
export function ClientVpnEditor({ resource: endpoint, design }: EditorProps<ClientVpnEndpoint>) {
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === endpoint.vpcId);
  const associations = endpoint.targetSubnetIds.length;
  // With no association the endpoint accepts no connections (pending-associate), so none are billed.
  const connections = associations > 0 ? endpoint.connectedClients : 0;
  const hourly = associations * PRICES.clientVpn.associationHour + connections * PRICES.clientVpn.connectionHour;
  return (
    <>
      <Section title="Client VPN endpoint">
        <TextField
          label="Client CIDR"
          mono
          value={endpoint.clientCidr}
          error={clientCidrError(endpoint.clientCidr)}
          hint="The addresses users' devices get: /12 to /22, outside the VPC. AWS fixes it at creation; size it at twice the users connected at once."
          onChange={(v) => editEndpoint(endpoint.id, (d) => void (d.clientCidr = v), 'clientCidr')}
        />
        <CheckboxField
          label="Split tunnel"
          checked={endpoint.splitTunnel}
          hint={
            endpoint.splitTunnel
              ? 'On: only the endpoint\u2019s routes go through the VPN; the rest leaves by the user\u2019s own connection.'
              : 'Off (AWS\u2019s default): all the device\u2019s traffic goes through the VPN, so internet access needs a 0.0.0.0/0 route and authorization.'
          }
          onChange={(v) => editEndpoint(endpoint.id, (d) => void (d.splitTunnel = v))}
        />
        <NumberField
          label="Connected clients"
          value={endpoint.connectedClients}
          min={0}
          max={CLIENT_VPN_MAX_CONNECTIONS}
          hint={`Each is billed $${PRICES.clientVpn.connectionHour.toFixed(2)} per connection-hour, each association $${PRICES.clientVpn.associationHour.toFixed(2)} per hour: $${hourly.toFixed(2)}/h now (us-east-1, aws.amazon.com/vpn/pricing). ${associations === 0 ? ' With no subnet associated no one can connect, so none are billed.' : ''} AWS bills partial hours as full ones; Nimbus bills by the second. Data sent to users is billed as data transfer out to the internet.`}
          onChange={(v) =>
            editEndpoint(endpoint.id, (d) => void (d.connectedClients = Math.max(0, Math.round(v ?? 0))), 'clients')
          }
        />
        <TextField
          label="Simulated user's group"
          value={endpoint.userGroup ?? ''}
          placeholder="In no group"
          hint="The directory or SAML group of the user Nimbus simulates, for rules that name a group."
          onChange={(v) => editEndpoint(endpoint.id, (d) => void (d.userGroup = v.trim() ? v : null), 'userGroup')}
        />
      </Section>
      <Section title="Target networks (one subnet per zone)">
        <Associations endpoint={endpoint} design={design} />
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Users&rsquo; packets enter the VPC from the association&rsquo;s network interface, their address translated to
          the interface&rsquo;s: the destination&rsquo;s security group must allow the endpoint&rsquo;s group (or the
          subnet), not the client CIDR.
        </p>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Nimbus models one user at the client CIDR&rsquo;s first usable address, entering at the subnet&rsquo;s
          fifth-last address; AWS hands each device an address of the range and picks the interfaces&rsquo; addresses.
        </p>
      </Section>
      <Section title="Security groups">
        <IdChecklist
          items={groups.map((g) => ({ id: g.id, label: g.name, hint: g.description || undefined }))}
          chosen={endpoint.securityGroupIds}
          empty="No security group in this VPC."
          onToggle={(id, on) =>
            editEndpoint(endpoint.id, (d) => void (d.securityGroupIds = toggled(d.securityGroupIds, id, on)))
          }
        />
        {endpoint.securityGroupIds.length === 0 && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            None chosen: AWS applies the VPC&rsquo;s default group to the associations.
          </p>
        )}
      </Section>
      <AuthorizationRules endpoint={endpoint} design={design} />
      <Routes endpoint={endpoint} design={design} />
    </>
  );
}
