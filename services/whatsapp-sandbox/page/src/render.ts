import type { Bubble, BusinessContent, Choice, ListContent } from './api';

export interface BubbleActions {
  tapButton(choice: Choice, bubbleId: string): void;
  openList(list: ListContent, bubbleId: string): void;
  /** Another message of the chat, for the quote above a reply. */
  lookup(id: string): Bubble | undefined;
}

/** Every piece of text goes in with textContent: nothing a student or the school writes is ever markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const STYLES: Record<string, 'strong' | 'em' | 's' | 'code'> = { '*': 'strong', _: 'em', '~': 's', '`': 'code' };

/**
 * A paragraph with WhatsApp's *bold*, _italic_, ~strike~ and `mono`, built from text nodes only. As in
 * WhatsApp, a marker counts only at a word's edge (so snake_case and 2*3*4 stay as they are).
 */
function formatted(className: string, text: string): HTMLParagraphElement {
  const paragraph = el('p', className);
  let last = 0;
  for (const match of text.matchAll(/(^|[\s(])([*_~`])(\S(?:[^\n]*?\S)?)\2(?=$|[\s.,!?:;)])/g)) {
    const start = match.index + match[1]!.length;
    paragraph.append(text.slice(last, start), el(STYLES[match[2]!]!, undefined, match[3]));
    last = match.index + match[0].length;
  }
  paragraph.append(text.slice(last));
  return paragraph;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const mediaUrl = (id: string) => `/phone/media/${encodeURIComponent(id)}`;

/** One line that stands for a message in a quote. */
function preview(bubble: Bubble): string {
  const c = bubble.content;
  switch (c.type) {
    case 'text':
      return c.text;
    case 'reply':
      return c.title;
    case 'buttons':
    case 'list':
      return c.body;
    case 'media':
      return c.caption ?? `[${c.kind}]`;
    case 'template':
      return `[template ${c.name}]`;
    case 'other':
      return `[${c.summary}]`;
  }
}

function media(kind: string, src: string | undefined, label: string): HTMLElement {
  if (kind === 'image' && src) {
    const img = el('img');
    img.src = src;
    img.alt = label;
    return img;
  }
  const link = el(src ? 'a' : 'span', 'document', `📄 ${label}`);
  if (src && link instanceof HTMLAnchorElement) {
    link.href = src;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  return link;
}

function businessBody(c: BusinessContent, bubbleId: string, actions: BubbleActions, into: HTMLElement): void {
  switch (c.type) {
    case 'text':
      into.append(formatted('text', c.text));
      return;
    case 'buttons':
    case 'list': {
      if (c.header) into.append(el('p', 'header', c.header));
      into.append(formatted('text', c.body));
      if (c.footer) into.append(el('p', 'footer', c.footer));
      const choices = el('div', 'choices');
      if (c.type === 'buttons') {
        for (const choice of c.buttons) {
          const button = el('button', undefined, choice.title);
          button.type = 'button';
          button.addEventListener('click', () => actions.tapButton(choice, bubbleId));
          choices.append(button);
        }
      } else {
        const button = el('button', undefined, `☰ ${c.button}`);
        button.type = 'button';
        button.setAttribute('aria-label', c.button);
        button.addEventListener('click', () => actions.openList(c, bubbleId));
        choices.append(button);
      }
      into.append(choices);
      return;
    }
    case 'media': {
      const src = c.mediaId ? mediaUrl(c.mediaId) : c.link;
      into.append(media(c.kind, src, c.filename ?? c.caption ?? c.kind));
      if (c.caption) into.append(el('p', 'text', c.caption));
      return;
    }
    case 'template':
      into.append(el('p', 'header', `Template ${c.name} (${c.language})`));
      if (c.parameters.length > 0) into.append(el('p', 'text', c.parameters.join('\n')));
      return;
    case 'other':
      into.append(el('p', 'text', `[${c.summary}]`));
  }
}

const TICKS = { sent: ['✓', 'Sent'], delivered: ['✓✓', 'Delivered'], read: ['✓✓', 'Read'], failed: ['!', 'Not delivered'] } as const;

export function renderBubble(bubble: Bubble, actions: BubbleActions): HTMLLIElement {
  const li = el('li', `bubble from-${bubble.from}`);
  li.dataset.id = bubble.id;
  const quoted = bubble.replyTo ? actions.lookup(bubble.replyTo) : undefined;
  if (quoted) li.append(el('div', 'quote', preview(quoted)));
  const meta = el('div', 'meta');
  meta.append(el('time', undefined, time(bubble.at)));
  if (bubble.from === 'business') {
    businessBody(bubble.content, bubble.id, actions, li);
    li.title = `the school has been told: ${bubble.status}`;
  } else {
    const c = bubble.content;
    if (c.type === 'text') li.append(el('p', 'text', c.text));
    else if (c.type === 'reply') li.append(el('p', 'text', c.title));
    else {
      li.append(media(c.kind, mediaUrl(c.mediaId), c.filename ?? c.caption ?? c.kind));
      if (c.caption) li.append(el('p', 'text', c.caption));
    }
    const [symbol, label] = TICKS[bubble.ticks];
    const ticks = el('span', `ticks ${bubble.ticks}`, symbol);
    ticks.setAttribute('role', 'img');
    ticks.setAttribute('aria-label', label);
    meta.append(ticks);
  }
  li.append(meta);
  if (bubble.from === 'student' && bubble.failure) li.append(el('div', 'failure', bubble.failure));
  return li;
}
