/**
 * A short chime made with WebAudio (no sound file to fetch, nothing a CSP blocks): each note a
 * sine at `frequency` Hz, `offset` seconds after `start`, rising quickly and fading out. The
 * console's ring and the device check's test sound.
 */
export function chime(
  audio: AudioContext,
  notes: ReadonlyArray<readonly [offset: number, frequency: number]>,
  start = audio.currentTime + 0.02,
): void {
  for (const [offset, frequency] of notes) {
    const at = start + offset;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  }
}
