import { Plus } from 'lucide-react';
import {
  PRICES,
  EKS_AMI_TYPES,
  EKS_CALENDAR_AS_OF,
  EKS_CONTROL_PLANE_HOUR,
  EKS_MAX_FARGATE_SELECTORS,
  EKS_MAX_NODES_PER_NODE_GROUP,
  EKS_MAX_REPLICAS,
  EKS_VERSIONS,
  eksControlPlaneHourly,
  eksRunningVersion,
  eksSupportPhase,
  fargatePodSize,
  findInstanceType,
  getResource,
  INSTANCE_TYPES,
  nodeAllocatable,
  nodeGroupRefusal,
  resourcesOfKind,
  type Design,
  type EksCluster,
  type EksNodeGroup,
  type KubernetesDeployment,
} from '../../domain';
import { updateResource } from '../../store';
import { NumberField, RemoveRowButton, Section, SelectField, cellControl, smallButton } from './fields';
import { IdChecklist, toggled } from './idChecklist';
import type { EditorProps } from './editors';

const editCluster = (id: string, recipe: (d: EksCluster) => void, field?: string) =>
  updateResource<EksCluster>(id, recipe as never, field);
const editNodeGroup = (id: string, recipe: (d: EksNodeGroup) => void, field?: string) =>
  updateResource<EksNodeGroup>(id, recipe as never, field);

const note = 'text-xs text-slate-500 dark:text-slate-400';

/** Subnets of the Region the cluster is in, with their zone's name. */
function regionSubnets(design: Design, regionId: string) {
  return resourcesOfKind(design, 'subnet')
    .filter((s) => getResource(design, s.azId, 'availabilityZone')?.regionId === regionId)
    .map((s) => ({
      id: s.id,
      label: `${s.name} (${s.cidr})`,
      hint: getResource(design, s.azId, 'availabilityZone')?.zoneName ?? s.azId,
    }));
}

const PHASE_WORDS = {
  standard: 'standard support',
  extended: 'extended support',
  ended: 'support ended',
  unknown: 'not in Nimbus’s calendar',
};

function ControlPlane({ cluster }: { cluster: EksCluster }) {
  const hourly = eksControlPlaneHourly(cluster.kubernetesVersion, cluster.upgradePolicy);
  const phase = eksSupportPhase(cluster.kubernetesVersion);
  const known = EKS_VERSIONS.some((v) => v.version === cluster.kubernetesVersion);
  const running = eksRunningVersion(cluster.kubernetesVersion, cluster.upgradePolicy);
  return (
    <Section title="Control plane">
      <SelectField
        label="Kubernetes version"
        value={cluster.kubernetesVersion}
        options={[
          ...EKS_VERSIONS.map((v) => ({
            value: v.version,
            label: `${v.version} — ${PHASE_WORDS[eksSupportPhase(v.version)]} (standard until ${v.endOfStandard})`,
          })),
          ...(known
            ? []
            : [{ value: cluster.kubernetesVersion, label: `${cluster.kubernetesVersion} (not in Nimbus's calendar)` }]),
        ]}
        onChange={(v) => editCluster(cluster.id, (d) => void (d.kubernetesVersion = v))}
      />
      <SelectField
        label="Upgrade policy (support type)"
        value={cluster.upgradePolicy}
        options={[
          { value: 'STANDARD', label: 'Standard: upgraded at the end of standard support' },
          { value: 'EXTENDED', label: 'Extended: stays on its version 12 more months, at the extended price' },
        ]}
        onChange={(v) => editCluster(cluster.id, (d) => void (d.upgradePolicy = v))}
      />
      <p className={note} data-testid="eks-control-plane-price">
        Control plane ${hourly.toFixed(2)}/h ({PHASE_WORDS[phase]} on {EKS_CALENDAR_AS_OF}
        {running !== cluster.kubernetesVersion
          ? `; EKS has upgraded it to ${running}, ${PHASE_WORDS[eksSupportPhase(running)]}, the price billed`
          : ''}
        ). AWS bills ${EKS_CONTROL_PLANE_HOUR.standard.toFixed(2)} per cluster-hour under standard support and $
        {EKS_CONTROL_PLANE_HOUR.extended.toFixed(2)} under extended support (Amazon EKS pricing). AWS’s default for a
        new cluster is Extended; Nimbus reads the calendar on the day shown, as a run has no date.
      </p>
    </Section>
  );
}

function FargateProfiles({ cluster, design }: { cluster: EksCluster; design: Design }) {
  const subnets = regionSubnets(design, cluster.regionId);
  return (
    <Section
      title="Fargate profiles"
      actions={
        <button
          type="button"
          className={smallButton}
          disabled={cluster.fargateProfiles.length >= 10}
          onClick={() =>
            editCluster(
              cluster.id,
              (d) =>
                void d.fargateProfiles.push({
                  name: `fp-${d.fargateProfiles.length + 1}`,
                  namespaces: ['default'],
                  subnetIds: [],
                }),
            )
          }
        >
          <Plus size={12} aria-hidden /> Add
        </button>
      }
    >
      {cluster.fargateProfiles.length === 0 && (
        <p className={note}>None: every pod is scheduled on the node groups’ nodes.</p>
      )}
      {cluster.fargateProfiles.map((profile, index) => (
        <div key={index} className="flex flex-col gap-1 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <div className="flex items-center gap-1">
            <input
              aria-label={`Fargate profile ${index + 1} name`}
              className={cellControl}
              value={profile.name}
              onChange={(e) =>
                editCluster(
                  cluster.id,
                  (d) => void (d.fargateProfiles[index]!.name = e.target.value),
                  `fp:${index}:name`,
                )
              }
            />
            <RemoveRowButton
              label={`Remove ${profile.name}`}
              onRemove={() => editCluster(cluster.id, (d) => void d.fargateProfiles.splice(index, 1))}
            />
          </div>
          <label className="text-xs">
            Namespaces (comma-separated, up to {EKS_MAX_FARGATE_SELECTORS})
            <input
              aria-label={`${profile.name} namespaces`}
              className={cellControl}
              value={profile.namespaces.join(', ')}
              onChange={(e) => {
                const namespaces = e.target.value
                  .split(',')
                  .map((n) => n.trim())
                  .filter((n) => n.length > 0 && n.length <= 63)
                  .slice(0, EKS_MAX_FARGATE_SELECTORS);
                editCluster(
                  cluster.id,
                  (d) => void (d.fargateProfiles[index]!.namespaces = namespaces),
                  `fp:${index}:ns`,
                );
              }}
            />
          </label>
          <IdChecklist
            items={subnets}
            chosen={profile.subnetIds}
            empty="No subnet in this Region."
            onToggle={(id, on) =>
              editCluster(cluster.id, (d) => {
                const p = d.fargateProfiles[index]!;
                p.subnetIds = toggled(p.subnetIds, id, on);
              })
            }
          />
        </div>
      ))}
      <p className={note}>
        Pods in a profile’s namespaces run on Fargate, one pod per Fargate node, in private subnets only, billed per pod
        by vCPU and GB per hour after rounding up to a Fargate size (Amazon EKS User Guide, “Fargate Pod
        configuration”). Nimbus matches selectors by namespace; AWS also matches labels.
      </p>
    </Section>
  );
}

function deploymentPlacement(cluster: EksCluster, deployment: KubernetesDeployment): string {
  const profile = cluster.fargateProfiles.find((p) => p.namespaces.includes(deployment.namespace));
  if (!profile) return 'nodes';
  const size = fargatePodSize(deployment.cpuMillicores, deployment.memoryMiB);
  return size ? `Fargate ${size.cpu / 1024} vCPU / ${size.memoryMiB / 1024} GB` : 'Fargate: too large';
}

function Deployments({ cluster }: { cluster: EksCluster }) {
  const set = (index: number, change: Partial<KubernetesDeployment>, field: string) =>
    editCluster(cluster.id, (d) => void Object.assign(d.deployments[index]!, change), `dep:${index}:${field}`);
  const numberCell = (
    dep: KubernetesDeployment,
    index: number,
    field: 'replicas' | 'cpuMillicores' | 'memoryMiB',
    max: number,
  ) => (
    <input
      aria-label={`${dep.name} ${field}`}
      type="number"
      min={0}
      max={max}
      className={cellControl}
      value={dep[field]}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (Number.isInteger(n) && n >= 0) set(index, { [field]: Math.min(n, max) }, field);
      }}
    />
  );
  return (
    <Section
      title="Deployments"
      actions={
        <button
          type="button"
          className={smallButton}
          disabled={cluster.deployments.length >= 100}
          onClick={() =>
            editCluster(
              cluster.id,
              (d) =>
                void d.deployments.push({
                  name: `app-${d.deployments.length + 1}`,
                  namespace: 'default',
                  replicas: 2,
                  cpuMillicores: 250,
                  memoryMiB: 512,
                }),
            )
          }
        >
          <Plus size={12} aria-hidden /> Add
        </button>
      }
    >
      {cluster.deployments.length === 0 ? (
        <p className={note}>No deployment: the nodes run, and bill, with nothing on them.</p>
      ) : (
        <table className="w-full text-xs" aria-label="Deployments">
          <thead>
            <tr className="text-left text-slate-500 dark:text-slate-400">
              <th className="font-medium">Name</th>
              <th className="font-medium">Namespace</th>
              <th className="font-medium">Replicas</th>
              <th className="font-medium">CPU (m)</th>
              <th className="font-medium">Memory (MiB)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cluster.deployments.map((dep, index) => (
              <tr key={index} title={`Runs on ${deploymentPlacement(cluster, dep)}`}>
                <td className="pr-1">
                  <input
                    aria-label={`Deployment ${index + 1} name`}
                    className={cellControl}
                    value={dep.name}
                    onChange={(e) => set(index, { name: e.target.value }, 'name')}
                  />
                </td>
                <td className="pr-1">
                  <input
                    aria-label={`${dep.name} namespace`}
                    className={cellControl}
                    value={dep.namespace}
                    onChange={(e) =>
                      e.target.value.length <= 63 && set(index, { namespace: e.target.value || 'default' }, 'namespace')
                    }
                  />
                </td>
                <td className="pr-1">{numberCell(dep, index, 'replicas', EKS_MAX_REPLICAS)}</td>
                <td className="pr-1">{numberCell(dep, index, 'cpuMillicores', 64_000)}</td>
                <td className="pr-1">{numberCell(dep, index, 'memoryMiB', 524_288)}</td>
                <td>
                  <RemoveRowButton
                    label={`Remove ${dep.name}`}
                    onRemove={() => editCluster(cluster.id, (d) => void d.deployments.splice(index, 1))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={note}>
        Each pod requests the CPU and memory given; the scheduler places it on a node whose allocatable resources still
        hold the request, or leaves it Pending with Kubernetes’ reason. Nimbus models allocatable as the type’s vCPU and
        memory minus the EKS AMI’s kube-reserved and the 100 MiB eviction threshold; DaemonSets and the operating
        system’s own memory are not counted.
      </p>
    </Section>
  );
}

export function EksClusterEditor({ resource: cluster, design }: EditorProps<EksCluster>) {
  const groups = resourcesOfKind(design, 'eksNodeGroup').filter((g) => g.clusterId === cluster.id);
  return (
    <>
      <ControlPlane cluster={cluster} />
      <Section title="Cluster subnets">
        <IdChecklist
          items={regionSubnets(design, cluster.regionId)}
          chosen={cluster.subnetIds}
          empty="No subnet in this Region."
          onToggle={(id, on) => editCluster(cluster.id, (d) => void (d.subnetIds = toggled(d.subnetIds, id, on)))}
        />
      </Section>
      <Section title="Node groups">
        <p className={note}>
          {groups.length === 0
            ? 'None. Drop an EKS node group from the palette into this Region.'
            : groups.map((g) => `${g.name}: ${g.instanceType} × ${g.desiredSize}`).join(' · ')}
        </p>
        {cluster.compute?.type === 'nodeGroup' && (
          <p className="text-xs text-amber-700 dark:text-amber-300">
            Saved by an earlier Nimbus as “node group {cluster.compute.instanceType} × {cluster.compute.desiredSize}”:
            that summary runs nothing; add a node group to run nodes.
          </p>
        )}
      </Section>
      <FargateProfiles cluster={cluster} design={design} />
      <Deployments cluster={cluster} />
    </>
  );
}

export function EksNodeGroupEditor({ resource: group, design }: EditorProps<EksNodeGroup>) {
  const cluster = getResource(design, group.clusterId, 'eksCluster');
  const clusters = resourcesOfKind(design, 'eksCluster');
  const refusal = nodeGroupRefusal(group);
  const allocatable = nodeAllocatable(group.instanceType);
  const type = findInstanceType(group.instanceType);
  const size = (label: string, field: 'minSize' | 'desiredSize' | 'maxSize') => (
    <NumberField
      label={label}
      value={group[field]}
      min={0}
      max={EKS_MAX_NODES_PER_NODE_GROUP}
      onChange={(v) =>
        v !== null && Number.isInteger(v) && v >= 0 && editNodeGroup(group.id, (d) => void (d[field] = v), field)
      }
    />
  );
  const groups = cluster
    ? resourcesOfKind(design, 'securityGroup').filter(
        (g) => getResource(design, g.vpcId, 'vpc')?.regionId === cluster.regionId,
      )
    : [];
  return (
    <>
      <Section title="Managed node group">
        <SelectField
          label="Cluster"
          value={group.clusterId}
          options={clusters.map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v) => editNodeGroup(group.id, (d) => void (d.clusterId = v))}
        />
        <SelectField
          label="Instance type"
          value={group.instanceType}
          options={INSTANCE_TYPES.map((t) => ({
            value: t.name,
            group: t.family,
            label: `${t.name} — ${t.vcpu} vCPU, ${t.memoryGiB} GiB, ${t.architecture}, $${t.hourlyUsd}/h`,
          }))}
          onChange={(v) => editNodeGroup(group.id, (d) => void (d.instanceType = v))}
        />
        <SelectField
          label="AMI type"
          value={group.amiType}
          options={EKS_AMI_TYPES.map((a) => ({ value: a.amiType, label: `${a.label} — ${a.amiType}` }))}
          onChange={(v) => editNodeGroup(group.id, (d) => void (d.amiType = v))}
        />
        <div className="grid grid-cols-3 gap-2">
          {size('Minimum', 'minSize')}
          {size('Desired', 'desiredSize')}
          {size('Maximum', 'maxSize')}
        </div>
        <NumberField
          label="Disk size (GiB)"
          value={group.diskSizeGiB}
          min={1}
          max={16_384}
          hint={`Each node's root volume, billed as gp3 at $${PRICES.ebsGbMonth.toFixed(2)} per GB-month (EKS's default is 20 GiB for Linux). AWS fixes it when the node group is created; in a running simulation Nimbus gives the new size to nodes launched from then on.`}
          onChange={(v) =>
            v !== null &&
            Number.isInteger(v) &&
            v >= 1 &&
            editNodeGroup(group.id, (d) => void (d.diskSizeGiB = v), 'diskSizeGiB')
          }
        />
        {refusal && (
          <p className="text-xs text-red-700 dark:text-red-300" role="alert">
            EKS refuses the node group: InvalidParameterException: {refusal}.
          </p>
        )}
        <p className={note}>
          Each node is an EC2 instance of an Auto Scaling group EKS runs for the group: billed at the type’s on-demand
          price{type ? ` ($${type.hourlyUsd}/h)` : ''}, spread over the subnets’ zones and replaced when it is
          terminated.
          {allocatable
            ? ` Allocatable per node: ${allocatable.cpuMillicores}m CPU, ${allocatable.memoryMiB} MiB, ${allocatable.pods} pods.`
            : ''}
        </p>
      </Section>
      <Section title="Subnets">
        <IdChecklist
          items={cluster ? regionSubnets(design, cluster.regionId) : []}
          chosen={group.subnetIds}
          empty="No subnet in the cluster's Region."
          onToggle={(id, on) => editNodeGroup(group.id, (d) => void (d.subnetIds = toggled(d.subnetIds, id, on)))}
        />
      </Section>
      <Section title="Security groups">
        <IdChecklist
          items={groups.map((g) => ({ id: g.id, label: g.name }))}
          chosen={group.securityGroupIds}
          empty="No security group in this Region."
          onToggle={(id, on) =>
            editNodeGroup(group.id, (d) => void (d.securityGroupIds = toggled(d.securityGroupIds, id, on)))
          }
        />
      </Section>
    </>
  );
}
