// Names inside a subject access archive. A file's name comes from the student (a document's filename), so
// it is reduced to a safe, portable path segment: no directories, no control characters, bounded length.

export function safeSegment(name: string, fallback: string): string {
  const cleaned = name
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned === '' ? fallback : cleaned;
}

export function mediaPath(media: { message_id: string; filename: string | null; kind: string }): string {
  return `media/${safeSegment(media.message_id, 'file')}-${safeSegment(media.filename ?? media.kind, media.kind)}`;
}

export const ARCHIVE_README = `# Everything the school's WhatsApp support holds on one student

This archive answers a subject access request. It was made by the school's chat-support system.

- \`manifest.json\`: when it was made, the student's ids, and every file with its number of rows or bytes.
- \`transcript.html\`: the conversation as a readable transcript (times in UTC), team notes included and marked.
- \`conversation.json\`: the student's conversation record (ids, WhatsApp profile name, where the bot stands).
- \`tables/<name>.jsonl\`: every stored row about the student, one JSON object per line, every column:
  \`students\` (registration: name, email, class), \`student_consents\` (age band, guardian consent) where
  kept, \`messages\` (all directions, with delivery statuses and the WhatsApp payloads), \`message_media\`
  (files sent), \`homework_submissions\`, \`support_chats\`, \`conversation_labels\`, \`outbox\` (messages
  waiting to be or already handed to WhatsApp), and any other table holding rows about them.
- \`media/\`: the files the student sent, as stored (named by message id and their original file name).
- \`audit.jsonl\`: the staff actions recorded about the student (who, what, when), one per line.

Times are UTC (ISO 8601) unless said otherwise.
`;
