/**
 * A short beep for a refused scan, made with WebAudio (no sound file to load).
 * The cashier hears the problem without looking away from the customer.
 */
let context: AudioContext | null = null;

export function beep(kind: 'error' | 'ok' = 'error'): void {
  try {
    context ??= new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = kind === 'error' ? 'square' : 'sine';
    oscillator.frequency.value = kind === 'error' ? 220 : 880;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + (kind === 'error' ? 0.25 : 0.06));
  } catch {
    // No audio device: the on-screen message is still there.
  }
}
