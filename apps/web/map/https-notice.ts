/**
 * Over plain http on another address than this device's own (a laptop serving a shelter's
 * network at http://192.168.1.20:3000), the browser gives the page no location and no service
 * worker: one line says so, above everything, so that "Use my location" failing is not a
 * mystery. Its text is a catalogue key, so it follows the language like the rest of the page.
 */
export function showHttpsNotice(): void {
  if (window.isSecureContext) {
    return;
  }
  const line = document.createElement('p');
  line.id = 'https-notice';
  line.className = 'note';
  line.dataset.t = 'install.httpsNeeded';
  document.body.prepend(line);
}
