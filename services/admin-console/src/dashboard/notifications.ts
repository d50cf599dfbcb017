// The opt-in alert for new waiting chats: a browser notification (when the admin allowed them) and a
// short tone. Off unless the admin turns it on; the choice is kept in this browser.

const KEY = 'admin-console.notify-waiting';

export const notificationsEnabled = (storage: Storage) => storage.getItem(KEY) === 'on';

export async function enableNotifications(storage: Storage): Promise<'granted' | 'denied' | 'sound-only'> {
  storage.setItem(KEY, 'on');
  if (typeof Notification === 'undefined') return 'sound-only';
  const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  return permission === 'granted' ? 'granted' : permission === 'denied' ? 'denied' : 'sound-only';
}

export const disableNotifications = (storage: Storage) => storage.removeItem(KEY);

function playTone(): void {
  const Context = globalThis.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.15, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.4);
  oscillator.onended = () => void audio.close();
}

export function announceWaiting(name: string, student: string): void {
  playTone();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    // The same tag replaces an earlier notification about the same student instead of piling up.
    new Notification('A student is waiting for support', { body: name, tag: `waiting-${student}` });
  }
}
