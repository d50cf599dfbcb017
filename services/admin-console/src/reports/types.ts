import type { paths } from '../api/openapi.gen';

// Reports' and the satisfaction survey's shapes (issue 15), read off the generated OpenAPI types.

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type Report = JsonOf<paths['/api/admin/reports']['get']['responses'][200]>;
export type ReportGroup = Report['groups'][number];
export type ReportFigures = ReportGroup['totals'];
export type ReportQuery = { from: string; to: string; bucket: 'day' | 'week'; by: 'overall' | 'agent' | 'label' };
export type CsatSettings = JsonOf<paths['/api/admin/csat/settings']['get']['responses'][200]>;
export type CsatTexts = CsatSettings['texts'];
