import { parse as hcl2json } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES } from '../../domain/ownKeys';
import { attr, block, HclMap, quote, ref, writeHcl } from './hcl';
import { readHcl } from './hclRead';

describe('HCL writer and reader', () => {
  it('escapes what HCL would read as a template: ${ and %{ stay text', async () => {
    const tricky = 'web ${var.x} %{if} "quoted" back\\slash\ttab\nline é \u0001 $${already}';
    const text = writeHcl([
      block('resource', ['aws_vpc', 'v'], [attr('tags', new HclMap({ Name: tricky, 'odd key': 'x' }))]),
    ]);
    expect(text).toContain('$${var.x}');
    expect(text).toContain('%%{if}');
    const parsed = (await hcl2json('x.tf', text)) as { resource: { aws_vpc: { v: [{ tags: { Name: string } }] } } };
    // hcl2json keeps the escapes as Terraform's JSON syntax writes them; the importer reads them back to text.
    expect(parsed.resource.aws_vpc.v[0].tags.Name).toBe(
      tricky.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{'),
    );
    const own = readHcl(text);
    expect(own.ok && own.json).toEqual(parsed);
  });

  it('writes references bare and lists of them as lists', async () => {
    const text = writeHcl([
      block(
        'resource',
        ['aws_instance', 'web'],
        [
          attr('subnet_id', ref('aws_subnet.a.id')),
          attr('vpc_security_group_ids', [ref('aws_security_group.a.id'), ref('aws_security_group.b.id')]),
          attr('count', 2),
          attr('n', -1.5),
          attr('z', null),
          block('root_block_device', [], [attr('volume_size', 8)]),
        ],
      ),
    ]);
    expect(text).toContain('subnet_id              = aws_subnet.a.id');
    const parsed = await hcl2json('x.tf', text);
    const own = readHcl(text);
    expect(own.ok && own.json).toEqual(parsed);
    expect(parsed).toEqual({
      resource: {
        aws_instance: {
          web: [
            {
              subnet_id: '${aws_subnet.a.id}',
              vpc_security_group_ids: ['${aws_security_group.a.id}', '${aws_security_group.b.id}'],
              count: 2,
              n: -1.5,
              z: null,
              root_block_device: [{ volume_size: 8 }],
            },
          ],
        },
      },
    });
  });

  it('reads hand-written HCL as hcl2json does: comments, expressions, nested labels', async () => {
    const text = `# a comment
// another
/* and a
   block comment */
variable "cidr" {
  default = "10.0.0.0/16"
}
locals { name = "x" }
resource "aws_subnet" "a" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(var.cidr, 8, count.index)
  tags = { Name = "\${local.name}-a", Other = "x" }
}
`;
    const parsed = await hcl2json('x.tf', text);
    const own = readHcl(text);
    expect(own.ok && own.json).toEqual(parsed);
  });

  it('refuses what it does not read with the line', () => {
    expect(readHcl('resource "a" "b" {\n  x = <<EOT\nhi\nEOT\n}\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/line 2: heredoc/),
    });
    expect(readHcl('resource "a" "b" {\n  x = 1\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/never closed/),
    });
    expect(readHcl('x = "open\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/line 1: a string is never closed/),
    });
    expect(readHcl('a = 1\na = 2\n')).toEqual({ ok: false, message: expect.stringMatching(/set twice/) });
    expect(readHcl('x = { __proto__ = 1 }\n')).toEqual({ ok: false, message: expect.stringMatching(/__proto__/) });
  });

  it('refuses deep nesting and huge files with a message, not a stack overflow', () => {
    const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(readHcl(deep)).toEqual({ ok: false, message: expect.stringMatching(/deeper than 64/) });
    expect(readHcl(' '.repeat(5_000_001))).toEqual({ ok: false, message: expect.stringMatching(/up to 5,000,000/) });
  });

  it('keeps inherited names as plain keys', () => {
    for (const name of INHERITED_NAMES.filter((n) => n !== '__proto__')) {
      const read = readHcl(`resource "aws_vpc" "${name}" {\n  ${/^[A-Za-z_]/.test(name) ? name : 'k'} = 1\n}\n`);
      expect(read.ok).toBe(true);
    }
  });

  it('quotes like JSON plus template escapes', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('${x}')).toBe('"$${x}"');
  });
});
