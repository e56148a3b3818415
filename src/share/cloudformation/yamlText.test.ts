import { describe, expect, it } from 'vitest';
import { readYaml, writeYaml } from './yamlText';

const read = (text: string) => {
  const result = readYaml(text);
  return result.ok ? result.value : result.message;
};

describe('CloudFormation YAML short forms', () => {
  it('reads each tag in its scalar, sequence and mapping kinds into the long form', () => {
    expect(read('a: !Ref Vpc\nb: !GetAtt Db.Endpoint.Address\nc: !GetAtt [Db, Arn]\n')).toEqual({
      a: { Ref: 'Vpc' },
      b: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      c: { 'Fn::GetAtt': ['Db', 'Arn'] },
    });
    expect(read('s: !Sub "${AWS::Region}-x"\nt: !Sub\n  - "${A}"\n  - A: !Ref B\nm: !Transform { Name: X }\n')).toEqual(
      {
        s: { 'Fn::Sub': '${AWS::Region}-x' },
        t: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] },
        m: { 'Fn::Transform': { Name: 'X' } },
      },
    );
    expect(read('c: !Condition IsProd\n')).toEqual({ c: { Condition: 'IsProd' } });
  });

  it('writes long forms back as short forms that read to the same object', () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        S: {
          Type: 'AWS::EC2::Subnet',
          Properties: {
            VpcId: { Ref: 'Vpc' },
            CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] },
            AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] },
            Tags: [{ Key: 'Name', Value: { 'Fn::Sub': ['${A}', { A: 'yes' }] } }],
          },
        },
      },
    };
    const text = writeYaml(template);
    expect(text).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"\n/);
    expect(text).toContain('VpcId: !Ref Vpc');
    expect(text).toContain('!GetAtt Vpc.CidrBlock');
    expect(read(text)).toEqual(template);
  });
});

describe('what the reader refuses', () => {
  it('makes no JavaScript types or dates of a file', () => {
    expect(read('a: !!js/function "function () {}"\n')).toMatch(/^not valid YAML: unknown/);
    expect(read('a: !!timestamp 2010-09-09\n')).toMatch(/^not valid YAML: unknown/);
    expect(read('AWSTemplateFormatVersion: 2010-09-09\n')).toEqual({ AWSTemplateFormatVersion: '2010-09-09' });
  });

  it('stops aliases that repeat too much, aliases past the count bound and nesting past the depth bound', () => {
    const small = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 5; i++)
      small.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 0 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(read(small.join('\n'))).toMatch(/resource exhaustion/);
    expect(read(`a: &a x\nb: [${Array(101).fill('*a').join(', ')}]\n`)).toMatch(/^not valid YAML: .*alias/i);
    expect(read(`${'['.repeat(101)}${']'.repeat(101)}\n`)).toMatch(/^not valid YAML: .*depth/i);
  });

  it('keeps a few aliases, each a copy of its anchor', () => {
    const value = read('a: &tags [{ Key: Team, Value: web }]\nb: *tags\n') as { a: unknown[]; b: unknown[] };
    expect(value.b).toEqual(value.a);
    expect(value.b).not.toBe(value.a);
  });

  it('keeps a key given twice at its last value, as JSON does', () => {
    expect(read('a: 1\na: 2\n')).toEqual({ a: 2 });
  });
});
