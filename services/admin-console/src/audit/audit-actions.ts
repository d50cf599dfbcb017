import { pathsApiAdminAuditGetParametersQueryActionValues } from '../api/openapi.gen';

/** The actions the audit log can be filtered by: admin-api's list, as its OpenAPI document states it. */
export const AUDIT_ACTION_OPTIONS = pathsApiAdminAuditGetParametersQueryActionValues;

export type AuditAction = (typeof AUDIT_ACTION_OPTIONS)[number];
