/**
 * The templates' names and descriptions alone, for the Templates menu: the
 * designs' builders (templates.ts) are fetched when one is opened.
 */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string;
}

export const TEMPLATE_INFO = [
  {
    id: 'single-web-server',
    name: 'Single public web server',
    description: 'VPC, one public subnet, internet gateway, a web server with HTTP/HTTPS open.',
  },
  {
    id: 'two-tier',
    name: 'Two AZs, public and private (NAT)',
    description: 'The classic web tier + app tier across two Availability Zones, one NAT gateway per zone.',
  },
  {
    id: 'hybrid',
    name: 'Hybrid: VPN and Direct Connect',
    description: 'A VPC joined to an on-premises network by a Site-to-Site VPN and Direct Connect.',
  },
  {
    id: 'serverless-api',
    name: 'Serverless API',
    description: 'API Gateway invoking a Lambda function.',
  },
  {
    id: 'containers',
    name: 'Containers on Fargate',
    description: 'An ECS service on Fargate in a private subnet, reaching out through a NAT gateway.',
  },
  {
    id: 'eks',
    name: 'EKS with a node group',
    description:
      'An EKS cluster whose managed node group of three m7g.large nodes spans two zones, running a deployment.',
  },
  {
    id: 'two-vpcs',
    name: 'Two VPCs to peer',
    description: 'Two private VPCs with distinct CIDRs: connect one to the other to peer them, then add the routes.',
  },
  {
    id: 'tgw-three-vpcs',
    name: 'Transit gateway: three VPCs',
    description:
      'Three VPCs attached to one transit gateway (default route table, propagated routes), with traffic between them.',
  },
  {
    id: 'ha-web-app',
    name: 'Highly available web app',
    description:
      'An internet-facing ALB over two zones, an Auto Scaling group of web servers in private subnets (ELB health checks, CPU target tracking), a NAT gateway per zone and a Multi-AZ RDS MySQL database.',
  },
  {
    id: 'ha-web-app-single-az',
    name: 'Highly available web app (single AZ)',
    description:
      'The same app with everything in us-east-1a: one NAT gateway, a Single-AZ database. The ALB still has a public subnet in us-east-1b (AWS requires two zones for an ALB) and the DB subnet group covers both zones (RDS requires it), but nothing runs there.',
  },
] as const satisfies readonly TemplateInfo[];

export type TemplateId = (typeof TEMPLATE_INFO)[number]['id'];
