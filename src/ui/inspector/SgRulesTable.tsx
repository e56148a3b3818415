import {
  resourcesOfKind,
  type Design,
  type ManagedPrefixList,
  type SecurityGroup,
  type SgRule,
  MAX_SG_RULES_PER_DIRECTION_RAISED,
} from '../../domain';
import { cellControl } from './fields';
import { CidrCell, directionRules, peerLabel, portRangeColumn, ruleTypeColumn } from './ruleCells';
import { RuleTable, type RuleColumn } from './RuleTable';

/** Inbound or outbound security-group rules; allow rules only, sources as a CIDR or another group. */
export function SgRulesTable({
  group,
  direction,
  design,
}: {
  group: SecurityGroup;
  direction: 'inbound' | 'outbound';
  design: Design;
}) {
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === group.vpcId);
  const lists = resourcesOfKind(design, 'managedPrefixList');
  const peer = peerLabel(direction);
  const columns: RuleColumn<SgRule>[] = [
    ruleTypeColumn(),
    portRangeColumn(),
    {
      header: peer,
      width: 'w-24',
      cell: ({ rule }, { control, edit }) => (
        <div className="flex gap-1">
          <select
            aria-label={`${peer} kind`}
            title={(() => {
              const peer = rule.peer;
              if (peer.type === 'cidr') return 'CIDR';
              const id = peer.type === 'prefixList' ? peer.prefixListId : peer.groupId;
              return [...groups, ...lists].find((item) => item.id === id)?.name;
            })()}
            value={
              rule.peer.type === 'cidr'
                ? 'cidr'
                : rule.peer.type === 'prefixList'
                  ? rule.peer.prefixListId
                  : rule.peer.groupId
            }
            onChange={(e) =>
              edit(
                (r) =>
                  void (r.peer =
                    e.target.value === 'cidr'
                      ? { type: 'cidr', cidr: '0.0.0.0/0' }
                      : lists.some((l) => l.id === e.target.value)
                        ? { type: 'prefixList', prefixListId: e.target.value as ManagedPrefixList['id'] }
                        : { type: 'securityGroup', groupId: e.target.value as SecurityGroup['id'] }),
                'peer',
              )
            }
            className={control}
          >
            <option value="cidr">CIDR</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.id === group.id ? `${g.name} (this group)` : g.name}
              </option>
            ))}
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {`${l.name} (prefix list)`}
              </option>
            ))}
          </select>
          {rule.peer.type === 'cidr' && (
            <CidrCell
              label={`${peer} CIDR`}
              value={rule.peer.cidr}
              onChange={(cidr) => edit((r) => void (r.peer = { type: 'cidr', cidr }), 'cidr')}
              className={`${cellControl} w-28`}
            />
          )}
        </div>
      ),
    },
  ];
  return (
    <RuleTable
      {...directionRules(group, direction)}
      columns={columns}
      marked={(ref, { index }) => ref.kind === 'sg' && ref.direction === direction && ref.index === index}
      removeLabel={({ index }) => `Remove ${direction} rule ${index + 1}`}
      limit={{
        rules: MAX_SG_RULES_PER_DIRECTION_RAISED,
        quota: 'Amazon VPC quota "Inbound or outbound rules per security group", raised',
      }}
      whenEmpty={
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {direction === 'inbound'
            ? 'No inbound rules: nothing can start a connection to members of this group.'
            : 'No outbound rules: members can start no connection.'}
        </p>
      }
      newRule={(): SgRule => ({
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        peer: { type: 'cidr', cidr: '0.0.0.0/0' },
        description: '',
      })}
    />
  );
}
