import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from './describe-issues';
import { parse } from './parse';

const schema = z.object({ name: z.string(), tags: z.array(z.string()).default([]) });

describe('parse', () => {
  it('returns the schema output and the JSON as it came', () => {
    const result = parse(schema, '{"name":"a"}');
    expect(result).toEqual({ ok: true, value: { name: 'a', tags: [] }, json: { name: 'a' } });
  });

  it('reads a Buffer or Uint8Array as UTF-8', () => {
    expect(parse(schema, Buffer.from('{"name":"é"}'))).toMatchObject({ ok: true, value: { name: 'é' } });
    expect(parse(schema, new TextEncoder().encode('{"name":"b"}'))).toMatchObject({ ok: true, value: { name: 'b' } });
  });

  it('says "not JSON" for text that is not JSON, without a zod error', () => {
    const result = parse(schema, '{nope');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/^not JSON: /);
    expect(result.error).toBeUndefined();
  });

  it('names each bad field, and the value itself by the root label', () => {
    const field = parse(schema, '{"name":3}');
    expect(field).toMatchObject({ ok: false, reason: 'name: Invalid input: expected string, received number', json: { name: 3 } });
    expect(parse(schema, '7', { root: 'request' })).toMatchObject({
      ok: false,
      reason: 'request: Invalid input: expected object, received number',
    });
  });

  it('lets the JSON be upgraded before the schema reads it', () => {
    const result = parse(schema, '{"title":"old"}', { upgrade: (json) => ({ name: (json as { title: string }).title }) });
    expect(result).toMatchObject({ ok: true, value: { name: 'old' }, json: { title: 'old' } });
  });
});

describe('describeIssues', () => {
  const twoBad = z.object({ a: z.string(), b: z.string() }).safeParse({});

  it('joins path: message pairs with "; "', () => {
    expect(twoBad.success).toBe(false);
    expect(describeIssues(twoBad.error!)).toBe(
      'a: Invalid input: expected string, received undefined; b: Invalid input: expected string, received undefined',
    );
  });

  it('keeps at most max issues', () => {
    expect(describeIssues(twoBad.error!, '(root)', 1)).toBe('a: Invalid input: expected string, received undefined');
  });

  it('labels an issue about the whole value with root, "(root)" unless told', () => {
    const bad = z.string().safeParse(1);
    expect(describeIssues(bad.error!)).toBe('(root): Invalid input: expected string, received number');
    expect(describeIssues(bad.error!, 'body')).toBe('body: Invalid input: expected string, received number');
    expect(describeIssues(bad.error!, '')).toBe(': Invalid input: expected string, received number');
  });
});
