import { api, displayName, type Bubble, type Student } from './api';
import { createListSheet } from './list-sheet';
import { renderBubble, type BubbleActions } from './render';

/*
 * The phone page: a list of students on the left, one student's WhatsApp chat on the right. The sandbox
 * pushes every change over Server-Sent Events (no polling); this page only renders and posts what the
 * student does. ?student=<user id or phone> picks the student, so each tab can be a different phone.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chat = $<HTMLOListElement>('chat');
const statusLine = $('status-line');
const message = $<HTMLInputElement>('message');
const fileInput = $<HTMLInputElement>('file');

let selected = new URLSearchParams(location.search).get('student') ?? undefined;
let students: Student[] = [];
let bubbles: Bubble[] = [];
let businessNumber = '';
let typingUntil = 0;
let source: EventSource | undefined;

function report(error: unknown) {
  statusLine.textContent = error instanceof Error ? error.message : String(error);
}

/** The selected student, as the page may name them: by user id, or (older links) by phone. */
const isSelected = (student: Student) => selected !== undefined && (student.userId === selected || student.waId === selected);

const actions: BubbleActions = {
  tapButton: (choice, bubbleId) => void api.reply(selected!, 'button_reply', choice, bubbleId).catch(report),
  openList: (list, bubbleId) => sheet.open(list, bubbleId),
  lookup: (id) => bubbles.find((b) => b.id === id),
};
const sheet = createListSheet((choice, bubbleId) => void api.reply(selected!, 'list_reply', choice, bubbleId).catch(report));

function showStatus() {
  statusLine.textContent = Date.now() < typingUntil ? 'typing…' : `+${businessNumber}`;
  statusLine.classList.toggle('typing', Date.now() < typingUntil);
}

/** The chat is on screen: the school's messages in it are read (blue ticks on the school's side). */
function reportRead() {
  if (!selected || document.visibilityState !== 'visible') return;
  if (bubbles.some((b) => b.from === 'business' && b.status !== 'read')) void api.read(selected).catch(report);
}

function renderStudents() {
  const list = $('student-list');
  list.replaceChildren(
    ...students.map((student) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = `?student=${encodeURIComponent(student.userId)}`;
      link.textContent = displayName(student);
      // Under the name: the number when the student shares it, and the username when they have one.
      const number = document.createElement('span');
      number.className = 'number';
      number.textContent =
        [student.waId ? `+${student.waId}` : undefined, student.name && student.username ? `@${student.username}` : undefined]
          .filter(Boolean)
          .join(' · ') || 'number withheld';
      link.append(number);
      if (isSelected(student)) link.setAttribute('aria-current', 'page');
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab: the browser's job
        event.preventDefault();
        select(student.userId);
      });
      const tab = document.createElement('a');
      tab.className = 'new-tab';
      tab.href = link.href;
      tab.target = '_blank';
      tab.textContent = '↗';
      tab.setAttribute('aria-label', `Open ${displayName(student)} in a new tab`);
      li.append(link, tab);
      return li;
    }),
  );
  const current = students.find(isSelected);
  chat.setAttribute('aria-label', current ? `Chat of ${displayName(current)}` : 'Chat');
  document.title = current ? `${displayName(current)} · WhatsApp sandbox` : 'WhatsApp sandbox';
}

function renderChat() {
  chat.replaceChildren(...bubbles.map((b) => renderBubble(b, actions)));
  chat.scrollTop = chat.scrollHeight;
}

function upsert(bubble: Bubble) {
  const index = bubbles.findIndex((b) => b.id === bubble.id);
  const node = renderBubble(bubble, actions);
  if (index >= 0) {
    bubbles[index] = bubble;
    chat.querySelector(`li[data-id="${CSS.escape(bubble.id)}"]`)?.replaceWith(node);
    return;
  }
  bubbles.push(bubble);
  chat.append(node);
  chat.scrollTop = chat.scrollHeight;
  if (bubble.from === 'business') {
    typingUntil = 0;
    showStatus();
    reportRead();
  }
}

function connect() {
  source?.close();
  source = new EventSource(`/phone/api/events${selected ? `?student=${encodeURIComponent(selected)}` : ''}`);
  source.addEventListener('students', (event) => {
    students = JSON.parse(event.data) as Student[];
    renderStudents();
  });
  source.addEventListener('chat', (event) => {
    bubbles = (JSON.parse(event.data) as { bubbles: Bubble[] }).bubbles;
    renderChat();
    reportRead();
  });
  source.addEventListener('bubble', (event) => upsert(JSON.parse(event.data) as Bubble));
  source.addEventListener('typing', (event) => {
    typingUntil = (JSON.parse(event.data) as { until: number }).until;
    showStatus();
    if (typingUntil > Date.now()) setTimeout(showStatus, typingUntil - Date.now() + 50);
  });
}

function select(next: string | undefined, push = true) {
  selected = next;
  if (push) history.pushState(null, '', next ? `?student=${encodeURIComponent(next)}` : location.pathname);
  $('phone').hidden = !selected;
  $('empty').hidden = Boolean(selected);
  document.querySelector('.app')!.classList.toggle('no-student', !selected);
  bubbles = [];
  renderChat();
  renderStudents();
  showStatus();
  connect();
  if (selected) message.focus();
}

$<HTMLFormElement>('new-student').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const error = $('student-error');
  api
    .addStudent({
      waId: String(form.get('wa_id') ?? '').replace(/\D/g, ''),
      name: String(form.get('name') ?? '').trim(),
      username: String(form.get('username') ?? '').trim(),
    })
    .then((student) => {
      error.hidden = true;
      (event.target as HTMLFormElement).reset();
      select(student.userId);
    })
    .catch((e: unknown) => {
      error.textContent = e instanceof Error ? e.message : String(e);
      error.hidden = false;
    });
});
$('random-number').addEventListener('click', () => {
  // Ofcom's drama range: numbers that belong to nobody.
  ($<HTMLFormElement>('new-student').elements.namedItem('wa_id') as HTMLInputElement).value =
    `447700900${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
});
$<HTMLFormElement>('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = message.value;
  if (!selected || text.trim() === '') return;
  message.value = '';
  void api.sendText(selected, text).catch((e: unknown) => {
    message.value = text;
    report(e);
  });
});
$('attach').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (!selected || !file) return;
  const caption = message.value.trim();
  message.value = '';
  fileInput.value = '';
  void api.upload(selected, file, caption).catch(report);
});
document.addEventListener('visibilitychange', reportRead);
window.addEventListener('popstate', () => select(new URLSearchParams(location.search).get('student') ?? undefined, false));

void api.info().then((info) => {
  $('business-name').textContent = info.business.name;
  $('avatar').textContent = info.business.name.slice(0, 1).toUpperCase();
  businessNumber = info.business.display_phone_number;
  showStatus();
});
select(selected, false);
