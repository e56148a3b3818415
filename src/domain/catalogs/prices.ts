/**
 * Prices the simulator bills with, us-east-1, as listed on the AWS pricing pages
 * in November 2026 (Lambda, Fargate, EKS, VPC/NAT, public IPv4, Site-to-Site VPN,
 * Direct Connect, EBS). Check the pages before quoting them.
 */
export const PRICES = {
  lambda: {
    /** Per GB-second of duration, by architecture. */
    gbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
    perMillionRequests: 0.2,
    /** Provisioned concurrency, per GB-second configured (x86). */
    provisionedGbSecond: 0.0000041667,
  },
  fargate: { vcpuHour: 0.04048, gbHour: 0.004445 },
  eksClusterHour: 0.1,
  natGatewayHour: 0.045,
  publicIpv4Hour: 0.005,
  vpnConnectionHour: 0.05,
  directConnectPortHour: { '1Gbps': 0.3, '10Gbps': 2.25 },
  /**
   * AWS Transit Gateway, us-east-1: per attachment-hour (a partial hour is billed
   * as a full one; the VPC owner pays for its attachment) and per GB of data sent
   * into the gateway from a VPC, VPN or Direct Connect. Source:
   * https://aws.amazon.com/transit-gateway/pricing/ (read 2026-12-01). Nimbus bills
   * the hours, and the per-GB charge on the bytes of the flows that cross a
   * gateway (sim/dataTransfer.ts). VPC peering has no hourly charge.
   */
  transitGateway: { attachmentHour: 0.05, perGb: 0.02 },
  /**
   * AWS PrivateLink, us-east-1: an interface endpoint per Availability Zone (one per
   * subnet it has) per hour, plus $0.01 per GB processed for the first PB (the simulation bills
   * the flows sent to it; Nimbus keeps to the first tier). Gateway endpoints have no charge. Source: https://aws.amazon.com/privatelink/pricing/
   * (read 2026-12-01).
   */
  interfaceEndpoint: { azHour: 0.01, perGb: 0.01 },
  /**
   * Elastic Load Balancing, us-east-1: per load-balancer-hour (a partial hour is
   * billed as a full one) plus per capacity unit-hour. An ALB LCU is the highest
   * of 25 new connections/s, 3,000 active connections/min, 1 GB/h processed (0.4
   * GB/h for Lambda targets) and 1,000 rule evaluations/s; an NLB NLCU (TCP) of
   * 800 new connections/s, 100,000 active connections and 1 GB/h. Source:
   * https://aws.amazon.com/elasticloadbalancing/pricing/. The $ rates are AWS's
   * standard published ones; they were not re-read on the live page. The LCU and
   * NLCU sizes are from Vantage's handbook of that page
   * (https://handbook.vantage.sh/aws/services/elb-pricing), not read on AWS's
   * page itself.
   */
  elb: {
    application: { hour: 0.0225, lcuHour: 0.008 },
    network: { hour: 0.0225, lcuHour: 0.006 },
    /**
     * `lambdaGbPerHour` is listed for completeness and not billed: Nimbus
     * measures every ALB's processed bytes at `gbPerHour`, Lambda targets
     * included, and leaves out rule evaluations (see `capacityUnits`).
     */
    alb: { newConnectionsPerSecond: 25, activeConnectionsPerMinute: 3000, gbPerHour: 1, lambdaGbPerHour: 0.4 },
    nlbTcp: { newConnectionsPerSecond: 800, activeConnections: 100_000, gbPerHour: 1 },
  },
  /** gp3 storage per GB-month; an 8 GiB root volume is assumed. */
  ebsGbMonth: 0.08,
  /**
   * EBS storage per GB-month by volume type (Amazon EBS pricing, us-east-1;
   * provisioned IOPS and throughput above the included amounts are not billed by Nimbus).
   */
  ebsGbMonthByType: { gp3: 0.08, gp2: 0.1, io2: 0.125, st1: 0.045, sc1: 0.015 },
  rootVolumeGb: 8,
  hoursPerMonth: 730,
  /**
   * Data transfer, us-east-1 (Amazon EC2 On-Demand pricing, "Data Transfer";
   * Amazon VPC pricing, NAT gateways; AWS Direct Connect pricing, data transfer
   * out to US locations). Internet egress: the first 100 GB a month are free
   * across the account, then tiers.
   */
  transfer: {
    natGatewayPerGb: 0.045,
    interZonePerGbEachWay: 0.01,
    directConnectOutPerGb: 0.02,
    internetEgressTiers: [
      { upToGb: 100, perGb: 0 },
      { upToGb: 100 + 10_240, perGb: 0.09 },
      { upToGb: 100 + 51_200, perGb: 0.085 },
      { upToGb: 100 + 153_600, perGb: 0.07 },
      { upToGb: Infinity, perGb: 0.05 },
    ],
  },
  /**
   * AWS Client VPN, US East (N. Virginia): $0.10 per endpoint association-hour
   * (each associated subnet, from association until it is removed) and $0.05 per
   * connection-hour (each connected client). Partial hours are billed as full
   * hours by AWS; Nimbus bills by the second. Source:
   * https://aws.amazon.com/vpn/pricing/ ("AWS Client VPN pricing", read 2026-12-01).
   */
  clientVpn: { associationHour: 0.1, connectionHour: 0.05 },
} as const;
