import type { MessageView, StudentIdentity } from '@app/contracts';

// A conversation's transcript (issue 15), as JSON items and as HTML made to print. Pure: the time zone, the
// clock and the pages come in. Everything a student, an agent or WhatsApp wrote is escaped: students write
// markup, and the transcript is opened in the school's browser.

export interface TranscriptHeader {
  student: StudentIdentity;
  timeZone: string;
  from: string | null;
  to: string | null;
  generatedAt: Date;
}

export interface TranscriptEntry {
  id: string;
  time: string;
  local_time: string;
  direction: MessageView['direction'];
  author: { kind: MessageView['author'] | 'note'; name: string };
  type: string;
  text: string | null;
  /** Delivery status of what the school sent (queued, sent, delivered, read, failed); null for what it received. */
  status: MessageView['status'] | null;
  error: string | null;
  attachment: { kind: string; name: string; mime_type: string | null; size: number | null; status: string } | null;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** True when Intl knows the zone (IANA name, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function localTime(iso: string | Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(typeof iso === 'string' ? new Date(iso) : iso);
}

function studentLabel(student: StudentIdentity): string {
  return student.student_name ?? (student.username ? `@${student.username}` : null) ?? student.phone_number ?? student.user_id ?? 'Student';
}

export function transcriptEntry(message: MessageView, student: StudentIdentity, timeZone: string): TranscriptEntry {
  const author: TranscriptEntry['author'] =
    message.private === true
      ? { kind: 'note', name: `Team note by ${message.agent_name ?? 'an agent'}` }
      : message.author === 'student'
        ? { kind: 'student', name: studentLabel(student) }
        : message.author === 'agent'
          ? { kind: 'agent', name: message.agent_name ?? 'Agent' }
          : { kind: message.author, name: message.author === 'bot' ? 'Bot' : 'System' };
  const media = message.media ?? null;
  return {
    id: message.id,
    time: message.created_at,
    local_time: localTime(message.created_at, timeZone),
    direction: message.direction,
    author,
    type: message.type,
    text: message.text ?? media?.caption ?? null,
    status: message.direction === 'outbound' && message.private !== true ? message.status : null,
    error: message.error ? `${message.error.code}: ${message.error.reason ?? message.error.title}` : null,
    attachment: media
      ? {
          kind: media.kind,
          name: media.filename ?? `${media.kind}-${media.id}`,
          mime_type: media.mime_type,
          size: media.size,
          status: media.status,
        }
      : null,
  };
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.3rem;margin:0 0 .3rem}
.meta{color:#444;margin:0 0 1.2rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f4f6}td.time{white-space:nowrap;color:#444}td.text{white-space:pre-wrap;overflow-wrap:anywhere}.note td{background:#fffbeb}
.status{color:#555;font-size:.85em}.failed{color:#b91c1c}.attachment{font-style:italic}@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}}@media (max-width:600px){body{margin:1rem}td.time{white-space:normal}}`;

export function transcriptHtmlHead(header: TranscriptHeader): string {
  const who = studentLabel(header.student);
  const ids = [
    header.student.phone_number ? `+${header.student.phone_number}` : null,
    header.student.user_id,
    header.student.username ? `@${header.student.username}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const range =
    header.from || header.to
      ? ` · from ${header.from ? escapeHtml(localTime(header.from, header.timeZone)) : 'the start'} to ${header.to ? escapeHtml(localTime(header.to, header.timeZone)) : 'now'}`
      : '';
  return (
    // The policy rides in the page too: the console opens it from a blob, where no response header applies
    // (the console adds its own copy of the stylesheet there, as the console's policy refuses inline styles).
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'"><title>Transcript: ${escapeHtml(who)}</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head><body>` +
    `<h1>Conversation with ${escapeHtml(who)}</h1><p class="meta">${escapeHtml(ids)}${range}<br>` +
    `Times in ${escapeHtml(header.timeZone)} · generated ${escapeHtml(localTime(header.generatedAt, header.timeZone))}</p>` +
    `<table><thead><tr><th>Time</th><th>From</th><th>Message</th></tr></thead><tbody>`
  );
}

export function transcriptHtmlRow(entry: TranscriptEntry): string {
  const parts: string[] = [];
  if (entry.text !== null) parts.push(escapeHtml(entry.text));
  else if (!entry.attachment) parts.push(`<span class="attachment">[${escapeHtml(entry.type)}]</span>`);
  if (entry.attachment) {
    const a = entry.attachment;
    const facts = [a.mime_type, a.size !== null ? `${a.size} bytes` : null, a.status !== 'stored' ? a.status : null]
      .filter(Boolean)
      .join(', ');
    parts.push(`<span class="attachment">Attachment: ${escapeHtml(a.name)}${facts ? ` (${escapeHtml(facts)})` : ''}</span>`);
  }
  if (entry.status)
    parts.push(
      `<span class="status${entry.status === 'failed' ? ' failed' : ''}">${escapeHtml(entry.status)}${entry.error ? ` · ${escapeHtml(entry.error)}` : ''}</span>`,
    );
  const cls = entry.author.kind === 'note' ? ' class="note"' : '';
  return `<tr${cls}><td class="time">${escapeHtml(entry.local_time)}</td><td>${escapeHtml(entry.author.name)}</td><td class="text">${parts.join('\n')}</td></tr>\n`;
}

export function transcriptHtmlTail(count: number, truncated: boolean): string {
  const note = truncated ? ` The transcript stops here: ask for a shorter range (from, to) for the rest.` : '';
  return `</tbody></table><p class="meta">${count} message${count === 1 ? '' : 's'}.${note}</p></body></html>\n`;
}
