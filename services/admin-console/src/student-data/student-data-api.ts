import type { Client } from 'openapi-fetch';
import type { paths } from '../api/openapi.gen';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;
type Raw = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<Response>;

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file name admin-api gave (`attachment; filename="..."`), else the fallback. */
function filenameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

const enc = encodeURIComponent;

/** The student's data (issue 15): transcripts, the subject access archive, erasure. Part of the console's API object. */
export function studentDataApi(client: Client<paths>, unwrap: Unwrap, raw: Raw) {
  const file = async (path: string, fallback: string): Promise<DownloadedFile> => {
    const response = await raw('GET', path);
    return { blob: await response.blob(), filename: filenameOf(response, fallback) };
  };
  return {
    /** The transcript, times in `timeZone` (the browser's, by default). */
    transcript: (student: string, format: 'html' | 'json', timeZone: string) =>
      file(`/api/admin/conversations/${enc(student)}/transcript?format=${format}&tz=${enc(timeZone)}`, `transcript.${format}`),
    exportStudentData: (student: string) => file(`/api/admin/students/${enc(student)}/export`, 'student-data.zip'),
    eraseStudent: (student: string, confirm: string) =>
      unwrap(client.POST('/api/admin/students/{student}/erase', { params: { path: { student } }, body: { confirm } })),
  };
}
