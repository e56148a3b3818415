import {
  DB_DEFAULT_PORT,
  DB_INSTANCE_CLASSES,
  getResource,
  RDS_STORAGE_GIB,
  resourcesOfKind,
  type DbInstance,
  type DbSubnetGroup,
  type Design,
} from '../../domain';
import { proposePrivateIp } from '../../engine';
import { updateResource } from '../../store';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './fields';
import { IdChecklist, toggled } from './idChecklist';
import { privateIpError } from './checks';
import type { EditorProps } from './editors';

const editDb = (id: string, recipe: (d: DbInstance) => void, field?: string) =>
  updateResource<DbInstance>(id, recipe as never, field);

const zoneNameOf = (design: Design, subnetId: string | null) => {
  const subnet = getResource(design, subnetId, 'subnet');
  return subnet ? (getResource(design, subnet.azId, 'availabilityZone')?.zoneName ?? subnet.azId) : null;
};

export function DbSubnetGroupEditor({ resource: group, design }: EditorProps<DbSubnetGroup>) {
  const subnets = resourcesOfKind(design, 'subnet').filter((s) => s.vpcId === group.vpcId);
  const zones = new Set(group.subnetIds.map((id) => getResource(design, id, 'subnet')?.azId).filter(Boolean));
  return (
    <Section title="Subnets">
      <IdChecklist
        items={subnets.map((s) => ({
          id: s.id,
          label: `${s.name} (${s.cidr})`,
          hint: zoneNameOf(design, s.id) ?? undefined,
        }))}
        chosen={group.subnetIds}
        empty="No subnet in this VPC."
        onToggle={(id, on) =>
          updateResource<DbSubnetGroup>(group.id, (d) => void (d.subnetIds = toggled(d.subnetIds, id, on)))
        }
      />
      <p
        className={`text-xs ${zones.size < 2 ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`}
      >
        Covers {zones.size} zone{zones.size === 1 ? '' : 's'}; RDS requires at least two, even for a Single-AZ database.
      </p>
    </Section>
  );
}

/** Primary and standby placement: subnets of the DB subnet group, the standby in another zone. */
function Placement({ db, design }: { db: DbInstance; design: Design }) {
  const group = getResource(design, db.dbSubnetGroupId, 'dbSubnetGroup');
  const subnets = (group?.subnetIds ?? []).flatMap((id) => getResource(design, id, 'subnet') ?? []);
  const primaryZone = getResource(design, db.subnetId, 'subnet')?.azId;
  const standbyChoices = subnets.filter((s) => s.azId !== primaryZone);
  const label = (s: (typeof subnets)[number]) => `${s.name} (${zoneNameOf(design, s.id)})`;
  return (
    <Section title="Availability">
      <SelectField
        label="Primary subnet"
        value={db.subnetId}
        options={subnets.map((s) => ({ value: s.id, label: label(s) }))}
        onChange={(v) =>
          editDb(db.id, (d) => {
            const subnet = getResource(design, v, 'subnet');
            d.subnetId = v as DbInstance['subnetId'];
            if (subnet) d.privateIp = proposePrivateIp(design, subnet, db.id) ?? d.privateIp;
          })
        }
      />
      <TextField
        label="Primary address"
        mono
        value={db.privateIp}
        error={privateIpError(design, db)}
        onChange={(v) => editDb(db.id, (d) => void (d.privateIp = v), 'privateIp')}
      />
      <CheckboxField
        label="Multi-AZ (standby in another zone)"
        checked={db.multiAz}
        hint="A synchronous standby takes over in 60–120 s when the primary or its zone fails; it costs as much again."
        onChange={(on) =>
          editDb(db.id, (d) => {
            d.multiAz = on;
            const standby = on ? standbyChoices[0] : undefined;
            d.standbySubnetId = standby?.id ?? null;
            d.standbyPrivateIp = standby ? proposePrivateIp(design, standby, db.id) : null;
          })
        }
      />
      {db.multiAz && (
        <SelectField
          label="Standby subnet"
          value={db.standbySubnetId ?? ''}
          error={standbyChoices.length === 0 ? 'The DB subnet group has no subnet in another zone.' : null}
          options={[{ value: '', label: 'None' }, ...standbyChoices.map((s) => ({ value: s.id, label: label(s) }))]}
          onChange={(v) =>
            editDb(db.id, (d) => {
              const subnet = getResource(design, v, 'subnet');
              d.standbySubnetId = (v || null) as DbInstance['standbySubnetId'];
              d.standbyPrivateIp = subnet ? proposePrivateIp(design, subnet, db.id) : null;
            })
          }
        />
      )}
    </Section>
  );
}

export function DbInstanceEditor({ resource: db, design }: EditorProps<DbInstance>) {
  const vpcId = getResource(design, db.dbSubnetGroupId, 'dbSubnetGroup')?.vpcId;
  const groups = resourcesOfKind(design, 'securityGroup').filter((g) => g.vpcId === vpcId);
  const sources = resourcesOfKind(design, 'dbInstance').filter((o) => o.id !== db.id && !o.readReplicaSourceId);
  return (
    <>
      <Section title="Database">
        <SelectField
          label="Engine"
          value={db.engine}
          options={[
            { value: 'mysql', label: 'MySQL' },
            { value: 'postgres', label: 'PostgreSQL' },
          ]}
          onChange={(engine) =>
            editDb(db.id, (d) => {
              // The port follows the engine unless it was changed from the old engine's default.
              if (d.port === DB_DEFAULT_PORT[d.engine]) d.port = DB_DEFAULT_PORT[engine];
              d.engine = engine;
            })
          }
        />
        <SelectField
          label="Instance class"
          value={db.instanceClass}
          options={DB_INSTANCE_CLASSES.map((c) => ({
            value: c.name,
            label: `${c.name} — ${c.vcpu} vCPU, ${c.memoryGib} GiB, $${c.hourlyUsd[db.engine]}/h`,
          }))}
          onChange={(v) => editDb(db.id, (d) => void (d.instanceClass = v))}
        />
        <div className="grid grid-cols-2 gap-2">
          <NumberField
            label="Storage (GiB)"
            value={db.allocatedStorageGb}
            min={RDS_STORAGE_GIB.min}
            max={RDS_STORAGE_GIB.max}
            hint={`${RDS_STORAGE_GIB.min}–${RDS_STORAGE_GIB.max.toLocaleString('en-US')} GiB`}
            onChange={(v) =>
              v !== null && v >= RDS_STORAGE_GIB.min && editDb(db.id, (d) => void (d.allocatedStorageGb = v), 'storage')
            }
          />
          <NumberField
            label="Port"
            value={db.port}
            min={1150}
            max={65535}
            onChange={(v) => v !== null && v >= 1150 && editDb(db.id, (d) => void (d.port = v), 'port')}
          />
        </div>
        <SelectField
          label="Read replica of"
          value={db.readReplicaSourceId ?? ''}
          options={[{ value: '', label: 'None (a primary)' }, ...sources.map((s) => ({ value: s.id, label: s.name }))]}
          hint="A read replica copies its source asynchronously and serves reads at its own address."
          onChange={(v) =>
            editDb(db.id, (d) => void (d.readReplicaSourceId = (v || null) as DbInstance['readReplicaSourceId']))
          }
        />
      </Section>
      <Placement db={db} design={design} />
      <Section title="Security groups">
        <IdChecklist
          items={groups.map((g) => ({ id: g.id, label: g.name, hint: g.description || undefined }))}
          chosen={db.securityGroupIds}
          empty="No security group in this VPC."
          onToggle={(id, on) => editDb(db.id, (d) => void (d.securityGroupIds = toggled(d.securityGroupIds, id, on)))}
        />
      </Section>
    </>
  );
}
