import { parseLesson, type Lesson } from '../schema';
import l01 from './01-ec2-and-amis.json';
import l02 from './02-instance-types.json';
import l03 from './03-instance-lifecycle.json';
import l04 from './04-containers.json';
import l05 from './05-lambda-scaling.json';
import l06 from './06-vpc-subnets-cidr.json';
import l07 from './07-routes-and-igw.json';
import l08 from './08-nat-gateways.json';
import l09 from './09-nacl-vs-sg.json';
import l10 from './10-hybrid-connectivity.json';
import l11 from './11-web-server-unreachable.json';
import l12 from './12-nat-return-traffic.json';

/**
 * The course, in order. JSON files are the source (teachers edit data, not
 * code); each goes through parseLesson like any outside file, and a broken
 * one stops the app at load rather than showing a lesson that can't be done.
 */
const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['01-ec2-and-amis.json', l01],
  ['02-instance-types.json', l02],
  ['03-instance-lifecycle.json', l03],
  ['04-containers.json', l04],
  ['05-lambda-scaling.json', l05],
  ['06-vpc-subnets-cidr.json', l06],
  ['07-routes-and-igw.json', l07],
  ['08-nat-gateways.json', l08],
  ['09-nacl-vs-sg.json', l09],
  ['10-hybrid-connectivity.json', l10],
  ['11-web-server-unreachable.json', l11],
  ['12-nat-return-traffic.json', l12],
];

function load(name: string, data: unknown): Lesson {
  const parsed = parseLesson(data);
  if (!parsed.ok) throw new Error(`lessons/${name} is not a valid lesson:\n${parsed.errors.join('\n')}`);
  return parsed.lesson;
}

export const LESSONS: readonly Lesson[] = FILES.map(([name, data]) => load(name, data)).sort(
  (a, b) => a.order - b.order,
);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
