import type { ExportInput } from '../../../use-cases/student-data/export-student-data';
import type { EraseInput, EraseResult } from '../../../use-cases/student-data/erase-student-data';
import type { TranscriptFile, TranscriptInput } from '../../../use-cases/student-data/export-transcript';

/** The student's data (issue 15): transcripts, subject access export, erasure. */
export interface StudentDataDeps {
  exportTranscript(input: TranscriptInput): Promise<TranscriptFile>;
  exportStudentData(input: ExportInput): Promise<{ filename: string; body: AsyncIterable<Uint8Array> }>;
  eraseStudentData(input: EraseInput): Promise<EraseResult>;
}
