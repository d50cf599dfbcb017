import { vi } from 'vitest';
import type { ConsoleApi } from '../api/console-api';

/** The student's data calls (issue 15), harmless: files that are never used, an erasure that never answers. */
export function fakeStudentData(): Pick<ConsoleApi, 'transcript' | 'exportStudentData' | 'eraseStudent'> {
  return {
    transcript: vi.fn(() => Promise.resolve({ blob: new Blob(['<html></html>']), filename: 'transcript.html' })),
    exportStudentData: vi.fn(() => Promise.resolve({ blob: new Blob(['zip']), filename: 'student-data.zip' })),
    eraseStudent: vi.fn(() => new Promise<never>(() => undefined)),
  };
}
