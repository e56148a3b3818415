import { MAX_NACL_RULES_PER_DIRECTION_RAISED, type NaclRule, type NetworkAcl } from '../../domain';
import { CidrCell, directionRules, peerLabel, portRangeColumn, ruleTypeColumn } from './ruleCells';
import { RuleTable, td, type RuleColumn } from './RuleTable';

/** A new rule goes after the others, on a multiple of 10 so rules can later be put between. */
function nextRuleNumber(rules: readonly NaclRule[]): number {
  const highest = rules.reduce((max, r) => Math.max(max, r.ruleNumber), 0);
  return Math.min(32766, highest === 0 ? 100 : Math.ceil((highest + 1) / 10) * 10);
}

/** Inbound or outbound NACL rules, sorted by number as AWS evaluates them, ending with the `*` deny. */
export function NaclRulesTable({ acl, direction }: { acl: NetworkAcl; direction: 'inbound' | 'outbound' }) {
  const peer = peerLabel(direction);
  // Allow or Deny right after the rule number: the two that decide are never scrolled out of a narrow panel.
  const columns: RuleColumn<NaclRule>[] = [
    {
      header: 'Rule',
      minWidth: 'min-w-[4.5rem]',
      cell: ({ rule }, { control, edit }) => (
        <input
          aria-label="Rule number"
          type="number"
          min={1}
          max={32766}
          value={rule.ruleNumber}
          onChange={(e) => edit((r) => void (r.ruleNumber = Number(e.target.value)), 'number')}
          className={control}
        />
      ),
    },
    {
      header: 'Action',
      minWidth: 'min-w-[4.75rem]',
      cell: ({ rule }, { control, edit }) => (
        <select
          aria-label="Allow or deny"
          value={rule.action}
          onChange={(e) => edit((r) => void (r.action = e.target.value as NaclRule['action']), 'action')}
          className={`${control} ${rule.action === 'deny' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}
        >
          <option value="allow">Allow</option>
          <option value="deny">Deny</option>
        </select>
      ),
    },
    ruleTypeColumn(),
    portRangeColumn(),
    {
      header: peer,
      width: 'w-28',
      minWidth: 'min-w-[7rem]',
      cell: ({ rule }, { control, edit }) => (
        <CidrCell
          label={`${peer} CIDR`}
          value={rule.cidr}
          onChange={(cidr) => edit((r) => void (r.cidr = cidr), 'cidr')}
          className={control}
        />
      ),
    },
  ];
  return (
    <RuleTable
      {...directionRules(acl, direction)}
      columns={columns}
      order={(rows) => [...rows].sort((a, b) => a.rule.ruleNumber - b.rule.ruleNumber)}
      marked={(ref, { rule }) =>
        ref.kind === 'nacl' && ref.direction === direction && ref.ruleNumber === rule.ruleNumber
      }
      removeLabel={({ rule }) => `Remove rule ${rule.ruleNumber}`}
      limit={{
        rules: MAX_NACL_RULES_PER_DIRECTION_RAISED - 1,
        quota: 'Amazon VPC quota "Rules per network ACL", raised to 40 with the * rule',
      }}
      closingRow={{
        marked: (ref) => ref.kind === 'nacl' && ref.direction === direction && ref.ruleNumber === null,
        cells: (
          <>
            <td className={`${td} font-mono`}>*</td>
            <td className={`${td} font-medium text-red-700 dark:text-red-300`}>Deny</td>
            <td className={td}>All traffic</td>
            <td className={td}>all</td>
            <td className={`${td} font-mono`}>0.0.0.0/0</td>
            <td />
          </>
        ),
      }}
      newRule={(): NaclRule => ({
        ruleNumber: nextRuleNumber(acl[direction]),
        protocol: 'tcp',
        ports: { from: 443, to: 443 },
        cidr: '0.0.0.0/0',
        action: 'allow',
      })}
    />
  );
}
