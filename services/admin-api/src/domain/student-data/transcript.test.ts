import type { MessageView } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import { escapeHtml, isTimeZone, localTime, transcriptEntry, transcriptHtmlHead, transcriptHtmlRow } from './transcript';
import { mediaPath, safeSegment } from './archive-names';

const student = { phone_number: '2348012345678', user_id: null, username: null, student_name: '<script>alert("x")</script>' };
const message = (overrides: Partial<MessageView>): MessageView => ({
  id: 'm1',
  direction: 'inbound',
  author: 'student',
  agent_name: null,
  type: 'text',
  text: 'hi',
  status: 'received',
  error: null,
  created_at: '2026-12-07T10:00:00.000Z',
  ...overrides,
});

describe('transcript', () => {
  it('escapes every character HTML treats specially', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it("writes the student's markup, name and an attachment's name as text, never as markup", () => {
    const row = transcriptHtmlRow(
      transcriptEntry(
        message({
          text: '<img src=x onerror=alert(1)>',
          media: {
            id: 'm1',
            kind: 'document',
            mime_type: 'application/pdf',
            size: 10,
            caption: null,
            filename: '"><script>.pdf',
            status: 'stored',
            failure_reason: null,
          },
        }),
        student,
        'UTC',
      ),
    );
    expect(row).not.toMatch(/<img|<script/);
    expect(row).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(row).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(row).toContain('Attachment: &quot;&gt;&lt;script&gt;.pdf (application/pdf, 10 bytes)');
    const head = transcriptHtmlHead({ student, timeZone: 'Africa/Lagos', from: null, to: null, generatedAt: new Date() });
    expect(head).not.toContain('<script>');
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'unsafe-inline'">`);
  });

  it('names authors (student, Bot, the agent, System, team notes) and gives delivery status only for what was sent', () => {
    expect(transcriptEntry(message({}), student, 'UTC')).toMatchObject({
      author: { kind: 'student', name: student.student_name },
      status: null,
    });
    expect(transcriptEntry(message({ direction: 'outbound', author: 'bot', status: 'read' }), student, 'UTC')).toMatchObject({
      author: { kind: 'bot', name: 'Bot' },
      status: 'read',
    });
    const failed = transcriptEntry(
      message({
        direction: 'outbound',
        author: 'agent',
        agent_name: 'Mary',
        status: 'failed',
        error: { code: 131047, title: 'Re-engagement message' },
      }),
      student,
      'UTC',
    );
    expect(failed).toMatchObject({ author: { kind: 'agent', name: 'Mary' }, status: 'failed', error: '131047: Re-engagement message' });
    expect(transcriptEntry(message({ direction: 'outbound', author: 'system' }), student, 'UTC').author).toEqual({
      kind: 'system',
      name: 'System',
    });
    expect(
      transcriptEntry(message({ direction: 'outbound', author: 'agent', agent_name: 'Mary', type: 'note', private: true }), student, 'UTC'),
    ).toMatchObject({
      author: { kind: 'note', name: 'Team note by Mary' },
      status: null,
    });
  });

  it('writes times in the stated zone and knows which zones exist', () => {
    expect(localTime('2026-12-07T10:00:00.000Z', 'Africa/Lagos')).toBe('07/12/2026, 11:00:00');
    expect(localTime('2026-12-07T10:00:00.000Z', 'UTC')).toBe('07/12/2026, 10:00:00');
    expect(isTimeZone('Africa/Lagos')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('archive names', () => {
  it('keeps a file name inside media/ whatever the student called it', () => {
    expect(mediaPath({ message_id: 'abc', filename: '../../etc/passwd', kind: 'document' })).toBe('media/abc-etc_passwd');
    expect(mediaPath({ message_id: 'abc', filename: null, kind: 'image' })).toBe('media/abc-image');
    expect(safeSegment('...', 'file')).toBe('file');
  });
});
