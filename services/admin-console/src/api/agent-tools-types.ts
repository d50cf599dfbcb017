import type { paths } from './openapi.gen';

// The agent tools' shapes (issue 14), read off the generated OpenAPI types like types.ts.

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type Label = JsonOf<paths['/api/admin/labels']['get']['responses'][200]>['items'][number];
export type NewLabel = NonNullable<paths['/api/admin/labels']['post']['requestBody']>['content']['application/json'];
export type LabelChange = NonNullable<paths['/api/admin/labels/{id}']['patch']['requestBody']>['content']['application/json'];

export type CannedReply = JsonOf<paths['/api/admin/canned-replies']['get']['responses'][200]>['items'][number];
export type NewCannedReply = NonNullable<paths['/api/admin/canned-replies']['post']['requestBody']>['content']['application/json'];
export type CannedReplyChange = NonNullable<paths['/api/admin/canned-replies/{id}']['patch']['requestBody']>['content']['application/json'];
export type RenderedCannedReply = JsonOf<
  paths['/api/admin/conversations/{student}/canned-replies']['get']['responses'][200]
>['items'][number];

/** The colours the label screen offers (LABEL_PALETTE of libs/contracts); any #rrggbb is accepted. */
export const LABEL_PALETTE = ['#fde68a', '#bbf7d0', '#bfdbfe', '#fbcfe8', '#ddd6fe', '#fed7aa', '#e5e7eb', '#99f6e4'] as const;
