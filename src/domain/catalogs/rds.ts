/**
 * RDS On-Demand DB instance classes Nimbus offers, with vCPU and memory and
 * us-east-1 Single-AZ prices per hour (a Multi-AZ instance deployment bills
 * the standby too, so twice). Source: https://aws.amazon.com/rds/pricing/
 * (MySQL and PostgreSQL On-Demand tables; read 2026-12-01 through transcriptions,
 * since the live table renders by script). Billing is per second with a
 * 10-minute minimum (Amazon RDS User Guide, "DB instance billing for Amazon RDS").
 */
export interface DbInstanceClass {
  name: string;
  vcpu: number;
  memoryGib: number;
  hourlyUsd: { mysql: number; postgres: number };
}

export const DB_INSTANCE_CLASSES: readonly DbInstanceClass[] = [
  { name: 'db.t3.micro', vcpu: 2, memoryGib: 1, hourlyUsd: { mysql: 0.017, postgres: 0.018 } },
  { name: 'db.t3.small', vcpu: 2, memoryGib: 2, hourlyUsd: { mysql: 0.034, postgres: 0.036 } },
  { name: 'db.t3.medium', vcpu: 2, memoryGib: 4, hourlyUsd: { mysql: 0.068, postgres: 0.072 } },
  { name: 'db.m5.large', vcpu: 2, memoryGib: 8, hourlyUsd: { mysql: 0.171, postgres: 0.178 } },
  { name: 'db.r5.large', vcpu: 2, memoryGib: 16, hourlyUsd: { mysql: 0.25, postgres: 0.26 } },
];

export const findDbInstanceClass = (name: string): DbInstanceClass | undefined =>
  DB_INSTANCE_CLASSES.find((c) => c.name === name);

/** Default ports (Amazon RDS User Guide, "Creating a DB instance"): MySQL 3306, PostgreSQL 5432. */
export const DB_DEFAULT_PORT = { mysql: 3306, postgres: 5432 } as const;

/**
 * gp2 and gp3 storage per GB-month, Single-AZ (Multi-AZ stores two copies, so
 * twice). Source: https://aws.amazon.com/rds/pricing/ ("General Purpose SSD storage").
 */
export const DB_STORAGE_GB_MONTH_USD = 0.115;

/**
 * A Multi-AZ DB instance fails over in 60-120 s typically (Amazon RDS User
 * Guide, "Multi-AZ DB instance deployments", "Failover process"); Nimbus
 * draws the duration from this range with the run's seed.
 */
export const DB_FAILOVER_SECONDS = [60, 120] as const;
