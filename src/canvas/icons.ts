// AWS Architecture Icons from the MIT-licensed `aws-icons` package. Each is a file of the
// build (vite.config.ts, `assetsInlineLimit`), not a data URL inside the JavaScript: the
// browser fetches only the icons of what is drawn, and the palette's after the page is idle.
import region from 'aws-icons/icons/architecture-group/Region.svg';
import vpc from 'aws-icons/icons/architecture-group/VirtualprivatecloudVPC.svg';
import privateSubnet from 'aws-icons/icons/architecture-group/Privatesubnet.svg';
import publicSubnet from 'aws-icons/icons/architecture-group/Publicsubnet.svg';
import corporate from 'aws-icons/icons/architecture-group/Corporatedatacenter.svg';
import ec2 from 'aws-icons/icons/resource/AmazonEC2Instance.svg';
import igw from 'aws-icons/icons/resource/AmazonVPCInternetGateway.svg';
import nat from 'aws-icons/icons/resource/AmazonVPCNATGateway.svg';
import vgw from 'aws-icons/icons/resource/AmazonVPCVPNGateway.svg';
import cgw from 'aws-icons/icons/resource/AmazonVPCCustomerGateway.svg';
import vpnConnection from 'aws-icons/icons/resource/AmazonVPCVPNConnection.svg';
import router from 'aws-icons/icons/resource/AmazonVPCRouter.svg';
import nacl from 'aws-icons/icons/resource/AmazonVPCNetworkAccessControlList.svg';
import eip from 'aws-icons/icons/resource/AmazonEC2ElasticIPAddress.svg';
import users from 'aws-icons/icons/resource/Users.svg';
import lambda from 'aws-icons/icons/architecture-service/AWSLambda.svg';
import ecs from 'aws-icons/icons/architecture-service/AmazonElasticContainerService.svg';
import ecsService from 'aws-icons/icons/resource/AmazonElasticContainerServiceService.svg';
import eks from 'aws-icons/icons/architecture-service/AmazonElasticKubernetesService.svg';
import fargate from 'aws-icons/icons/architecture-service/AWSFargate.svg';
import clientVpn from 'aws-icons/icons/architecture-service/AWSClientVPN.svg';
import directConnect from 'aws-icons/icons/architecture-service/AWSDirectConnect.svg';
import apiGateway from 'aws-icons/icons/architecture-service/AmazonAPIGateway.svg';
import sqs from 'aws-icons/icons/architecture-service/AmazonSimpleQueueService.svg';
import s3 from 'aws-icons/icons/architecture-service/AmazonSimpleStorageService.svg';
import eventBridge from 'aws-icons/icons/architecture-service/AmazonEventBridge.svg';
import ebsVolume from 'aws-icons/icons/resource/AmazonElasticBlockStoreVolume.svg';
import peering from 'aws-icons/icons/resource/AmazonVPCPeeringConnection.svg';
import transitGateway from 'aws-icons/icons/architecture-service/AWSTransitGateway.svg';
import tgwAttachment from 'aws-icons/icons/resource/AWSTransitGatewayAttachment.svg';
import vpcEndpoints from 'aws-icons/icons/resource/AmazonVPCEndpoints.svg';
import alb from 'aws-icons/icons/resource/ElasticLoadBalancingApplicationLoadBalancer.svg';
import nlb from 'aws-icons/icons/resource/ElasticLoadBalancingNetworkLoadBalancer.svg';
import elb from 'aws-icons/icons/architecture-service/ElasticLoadBalancing.svg';
import autoScaling from 'aws-icons/icons/resource/AmazonEC2AutoScaling.svg';
import launchTemplate from 'aws-icons/icons/resource/AWSCloudFormationTemplate.svg';
import rds from 'aws-icons/icons/architecture-service/AmazonRDS.svg';
import rdsMultiAz from 'aws-icons/icons/resource/AmazonRDSMultiAZ.svg';
import dbInstance from 'aws-icons/icons/resource/AmazonEC2DBInstance.svg';

/**
 * AWS's architecture icons have no icon for an Availability Zone or a security
 * group: its guidelines (https://aws.amazon.com/architecture/icons/, "Groups")
 * draw both as group boxes, an Availability Zone dashed blue and a security
 * group red. Where Nimbus needs an icon for them (the palette, a security
 * group's card), it draws that box in miniature.
 */
const groupBox = (stroke: string, inner: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect x="4" y="4" width="32" height="32" rx="3" fill="#fff" stroke="${stroke}" stroke-width="3" stroke-dasharray="5 3"/>${inner}</svg>`,
  )}`;
const zone = groupBox(
  '#147EBA',
  '<text x="20" y="25" font-family="sans-serif" font-size="12" font-weight="700" text-anchor="middle" fill="#147EBA">AZ</text>',
);
// A padlock inside the red box: the group guards what it holds.
const securityGroup = groupBox(
  '#DD344C',
  '<rect x="13" y="19" width="14" height="11" rx="1.5" fill="#DD344C"/><path d="M16 19v-3a4 4 0 0 1 8 0v3" fill="none" stroke="#DD344C" stroke-width="2.5"/>',
);

export const ICONS = {
  region,
  vpc,
  privateSubnet,
  publicSubnet,
  corporate,
  ec2,
  igw,
  nat,
  vgw,
  cgw,
  vpnConnection,
  router,
  nacl,
  eip,
  users,
  lambda,
  ecs,
  ecsService,
  eks,
  fargate,
  clientVpn,
  directConnect,
  apiGateway,
  sqs,
  s3,
  eventBridge,
  securityGroup,
  zone,
  ebsVolume,
  peering,
  transitGateway,
  tgwAttachment,
  vpcEndpoints,
  alb,
  nlb,
  elb,
  autoScaling,
  launchTemplate,
  rds,
  rdsMultiAz,
  dbInstance,
} as const;
