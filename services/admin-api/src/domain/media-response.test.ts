import { describe, expect, it } from 'vitest';
import { contentDisposition, safeContentType } from './media-response';

const disposition = (contentType: string, filename: string | null) =>
  contentDisposition({ contentType, filename, fallbackName: 'document-m1' });

describe('how a student file is answered', () => {
  it('shows raster images inline', () => {
    expect(disposition('image/jpeg', null)).toBe('inline');
    expect(disposition('image/png', 'photo.png')).toBe('inline');
  });

  it('offers everything else as an attachment, SVG included (it can carry script)', () => {
    expect(disposition('application/pdf', 'essay.pdf')).toBe('attachment; filename="essay.pdf"');
    expect(disposition('image/svg+xml', 'x.svg')).toBe('attachment; filename="x.svg"');
    expect(disposition('text/html', null)).toBe('attachment; filename="document-m1"');
  });

  it('keeps only the last path segment, without quotes, control characters or leading dots', () => {
    expect(disposition('application/pdf', '../../etc/passwd')).toBe('attachment; filename="passwd"');
    expect(disposition('application/pdf', 'C:\\Users\\ada\\"evil"\r\nSet-Cookie: x.pdf')).toBe(
      `attachment; filename="evil Set-Cookie_ x.pdf"; filename*=UTF-8''evil%20Set-Cookie%3A%20x.pdf`,
    );
    expect(disposition('application/pdf', '...hidden')).toBe('attachment; filename="hidden"');
    expect(disposition('application/pdf', '   ')).toBe('attachment; filename="document-m1"');
  });

  it('gives a non-ASCII name in UTF-8 next to an ASCII fallback', () => {
    expect(disposition('application/pdf', 'Résumé (final).pdf')).toBe(
      `attachment; filename="R_sum_ (final).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28final%29.pdf`,
    );
  });

  it('serves an odd stored type as opaque bytes', () => {
    expect(safeContentType('image/jpeg')).toBe('image/jpeg');
    expect(safeContentType('Application/PDF')).toBe('application/pdf');
    expect(safeContentType('text/html; charset=utf-8')).toBe('application/octet-stream');
    expect(safeContentType('image/jpeg\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(safeContentType(null)).toBe('application/octet-stream');
  });
});
