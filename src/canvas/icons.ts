// AWS Architecture Icons from the MIT-licensed `aws-icons` package.
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
import securityGroup from 'aws-icons/icons/resource/AWSTrustedAdvisorChecklistSecurity.svg';
import zone from 'aws-icons/icons/architecture-group/AWSCloud.svg';
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
