import type { Client } from 'openapi-fetch';
import type { CannedReplyChange, LabelChange, NewCannedReply, NewLabel } from './agent-tools-types';
import type { paths } from './openapi.gen';

type Unwrap = <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;

const studentPath = (student: string) => ({ path: { student } });
const idPath = (id: string) => ({ path: { id } });

/** The agent tools' admin-api calls (notes, canned replies, labels), part of the console's API object. */
export function agentToolsApi(client: Client<paths>, unwrap: Unwrap) {
  return {
    addNote: (student: string, text: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/notes', { params: studentPath(student), body: { text } })),
    listCannedReplies: () => unwrap(client.GET('/api/admin/canned-replies')),
    createCannedReply: (reply: NewCannedReply) => unwrap(client.POST('/api/admin/canned-replies', { body: reply })),
    updateCannedReply: (id: string, change: CannedReplyChange) =>
      unwrap(client.PATCH('/api/admin/canned-replies/{id}', { params: idPath(id), body: change })),
    deleteCannedReply: (id: string) => unwrap(client.DELETE('/api/admin/canned-replies/{id}', { params: idPath(id) })),
    /** Canned replies with their placeholders filled for this student and the signed-in agent. */
    renderedCannedReplies: (student: string) =>
      unwrap(client.GET('/api/admin/conversations/{student}/canned-replies', { params: { ...studentPath(student), query: {} } })),
    listLabels: () => unwrap(client.GET('/api/admin/labels')),
    createLabel: (label: NewLabel) => unwrap(client.POST('/api/admin/labels', { body: label })),
    updateLabel: (id: string, change: LabelChange) => unwrap(client.PATCH('/api/admin/labels/{id}', { params: idPath(id), body: change })),
    deleteLabel: (id: string) => unwrap(client.DELETE('/api/admin/labels/{id}', { params: idPath(id) })),
    addConversationLabel: (student: string, labelId: string) =>
      unwrap(client.POST('/api/admin/conversations/{student}/labels', { params: studentPath(student), body: { label_id: labelId } })),
    removeConversationLabel: (student: string, labelId: string) =>
      unwrap(client.DELETE('/api/admin/conversations/{student}/labels/{id}', { params: { path: { student, id: labelId } } })),
  };
}
