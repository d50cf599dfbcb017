import { useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import type { Message } from '../api/types';
import { useCapabilities } from '../app/capabilities';
import { useSession } from '../session/session';

const MEDIA_TYPES = new Set(['image', 'document', 'audio', 'video', 'sticker']);
export const isMedia = (message: Message) => MEDIA_TYPES.has(message.type);

const TYPE_LABEL: Record<string, string> = {
  image: 'Image',
  document: 'Document',
  audio: 'Voice or audio',
  video: 'Video',
  sticker: 'Sticker',
};

/**
 * An image or file: a placeholder with its type and caption, and, where admin-api serves
 * GET /api/admin/media/{id}, a button that fetches it with the admin's token (an <img src> could not send
 * it) and shows the image or offers the file.
 */
export function MediaPreview({ message }: { message: Message }) {
  const { media } = useCapabilities();
  const { api } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = TYPE_LABEL[message.type] ?? message.type;

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const fetchMedia = () => {
    api.media(message.id).then(
      (blob) => setUrl(URL.createObjectURL(blob)),
      (failure: unknown) => setError(describeError(failure)),
    );
  };

  return (
    <figure className="media">
      {url && message.type === 'image' ? (
        <img src={url} alt={message.text ?? 'Image sent by the student'} className="media-image" />
      ) : (
        <div className="media-placeholder" aria-label={`${label} attachment`}>
          <span aria-hidden="true">{message.type === 'image' ? '🖼' : '📄'}</span> {label}
        </div>
      )}
      {message.text && <figcaption className="message-text">{message.text}</figcaption>}
      {media && !url && (
        <button type="button" className="link-button" onClick={fetchMedia}>
          {message.type === 'image' ? 'Show image' : `Get ${label.toLowerCase()}`}
        </button>
      )}
      {url && message.type !== 'image' && (
        <a href={url} download={`${message.type}-${message.id}`}>
          Download {label.toLowerCase()}
        </a>
      )}
      {error && <p className="error-text">{error}</p>}
    </figure>
  );
}
