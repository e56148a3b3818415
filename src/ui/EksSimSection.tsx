import type { EksClusterFrame } from '../sim/protocol';
import { formatUsd } from './SimToolbar';

/**
 * The simulation panel's EKS lines: per cluster, the control plane, each node
 * group's nodes with what they cost, and each deployment's pods (running,
 * Pending with the scheduler's reason, or on Fargate with their billed size).
 */
export function EksSimSection({ clusters }: { clusters: readonly EksClusterFrame[] }) {
  if (clusters.length === 0) return null;
  return (
    <section aria-label="EKS" className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">EKS</h3>
      {clusters.map((cluster) => (
        <table key={cluster.id} className="w-full text-xs" aria-label={`EKS cluster ${cluster.name}`}>
          <tbody>
            <tr>
              <td>
                <strong>{cluster.name}</strong> control plane
              </td>
              <td />
              <td className="text-right font-mono">{formatUsd(cluster.controlPlaneUsdPerHour)}/h</td>
            </tr>
            {cluster.nodeGroups.map((g) => (
              <tr key={g.id} data-testid="eks-node-group-cost">
                <td>
                  {g.name}: {g.running} of {g.desired} nodes running
                  {g.endpointPath.none > 0 ? (
                    <span className="block text-amber-700 dark:text-amber-300">
                      {g.endpointPath.none} can’t reach the cluster endpoint (HTTPS to the internet: a NAT gateway, or a
                      public IPv4 and an internet gateway), so they are not Ready in the cluster.
                    </span>
                  ) : null}
                  {g.refusal ? (
                    <span className="block text-red-700 dark:text-red-300">EKS refuses it: {g.refusal}.</span>
                  ) : null}
                </td>
                <td className="text-right font-mono">{formatUsd(g.ratePerHour)}/h</td>
                <td className="text-right font-mono">{formatUsd(g.costUsd)}</td>
              </tr>
            ))}
            {cluster.deployments.map((d) => (
              <tr key={`${d.namespace}/${d.name}`}>
                <td>
                  {d.name} ({d.namespace}): {d.running} of {d.replicas} pods running
                  {d.on === 'fargate' ? ` on Fargate${d.fargateSize ? `, ${d.fargateSize} each` : ''}` : ' on nodes'}
                  {d.pending > 0 && d.reason ? (
                    <span className="block text-amber-700 dark:text-amber-300">
                      {d.pending} Pending: {d.reason}
                    </span>
                  ) : null}
                </td>
                <td className="text-right font-mono">{d.on === 'fargate' ? `${formatUsd(d.ratePerHour)}/h` : ''}</td>
                <td className="text-right font-mono">{d.on === 'fargate' ? formatUsd(d.costUsd) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p className="text-[11px] text-slate-500 dark:text-slate-400">
        Nodes are EC2 instances billed at the type’s on-demand price (with their 8 GiB root volume and any public IPv4),
        the control plane $0.10 per cluster-hour, $0.60 in extended support (Amazon EKS pricing); Fargate pods per
        vCPU-hour and GB-hour at their rounded size, at least a minute each (AWS Fargate pricing). Nimbus starts pods at
        once and leaves out DaemonSets.
      </p>
    </section>
  );
}
