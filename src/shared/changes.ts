// IndexedDB has no change event: after each write the service worker says so on one broadcast
// channel of the extension's origin, and open extension pages (popup, options) read again.
const CHANNEL = 'declutter-data';

export function announceDataChange(): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ changed: true });
  channel.close();
}

export function onDataChange(listener: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
