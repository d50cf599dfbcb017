import { describe, expect, it } from 'vitest';
import { withConsoleStyles } from './save-file';

describe('withConsoleStyles', () => {
  it("links the console's copy of the transcript styles at the end of the head", () => {
    expect(withConsoleStyles('<html><head><style>x</style></head><body></body></html>', 'https://school.test')).toBe(
      '<html><head><style>x</style><link rel="stylesheet" href="https://school.test/transcript.css"></head><body></body></html>',
    );
  });
});
