import { ICONS } from '../icons';
import { ACCENT, card } from './cards';
import type { KindView } from './view';

export const lambdaFunctionView: KindView<'lambdaFunction'> = {
  node: card(ICONS.lambda, ACCENT.compute),
  icon: ICONS.lambda,
  palette: [{ group: 'Serverless', id: 'lambda', label: 'Lambda function', hint: 'Drop in a Region' }],
  band: 'main',
  facts(_, fn, facts) {
    facts.lines.push(`${fn.runtime} · ${fn.memoryMb} MB · ${fn.timeoutSeconds} s`);
    if (fn.vpcConfig) facts.badges.push({ text: 'VPC access', tone: 'neutral' });
  },
};
