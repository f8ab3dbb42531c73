/** A short, soft two-tone beep made with the Web Audio API: no audio file to fetch. */
let context: AudioContext | null = null;

export function beep(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    // Made before any click (a reload while signed in), it starts suspended; any later click lets it resume.
    if (ctx.state === 'suspended') void ctx.resume();
    const start = ctx.currentTime;
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    // Ramps in and out: a hard start or stop clicks.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(660, start);
    osc.frequency.setValueAtTime(880, start + 0.12);
    osc.connect(gain);
    osc.start(start);
    osc.stop(start + 0.32);
  } catch (error) {
    // No audio device, or the browser blocks audio before a gesture: the title still counts.
    console.warn('[Lifeline console] could not play the new-handoff sound', error);
  }
}
