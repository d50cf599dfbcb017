import { describe, expect, it } from 'vitest';
import { parseBearer } from './require-auth.middleware';

const jwtLike = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl_-';

describe('parseBearer', () => {
  it('takes the token of a Bearer header, whatever the scheme case', () => {
    expect(parseBearer(`Bearer ${jwtLike}`)).toBe(jwtLike);
    expect(parseBearer(`bearer ${jwtLike}`)).toBe(jwtLike);
  });

  it('finds nothing in a missing, empty, Basic or malformed header', () => {
    expect(parseBearer(undefined)).toBeUndefined();
    expect(parseBearer('')).toBeUndefined();
    expect(parseBearer('Bearer')).toBeUndefined();
    expect(parseBearer('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(parseBearer('Bearer not-a-jwt')).toBeUndefined();
    expect(parseBearer(`Bearer ${jwtLike} extra`)).toBeUndefined();
  });
});
