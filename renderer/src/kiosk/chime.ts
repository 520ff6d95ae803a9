/**
 * The hall display's chime when a new number is called: a two-note "ding-dong" synthesised with
 * the Web Audio API, so there is no sound file to ship or load. Where audio is blocked (no
 * user gesture yet, no sound device, a headless browser) it stays silent and never throws.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    context ??= new Ctor();
    return context;
  } catch {
    return null;
  }
}

/** One bell-like note: a sine with a quick attack and a long decay. */
function note(ctx: AudioContext, frequency: number, start: number, length: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.setValueAtTime(frequency, start);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + length + 0.05);
}

/** Plays the chime; resolves true when it was scheduled, false when audio is unavailable or blocked. */
export async function playChime(): Promise<boolean> {
  const ctx = audio();
  if (!ctx) return false;
  try {
    if (ctx.state === 'suspended') await Promise.race([ctx.resume(), new Promise((r) => setTimeout(r, 300))]);
    if (ctx.state !== 'running') return false;
    const t = ctx.currentTime + 0.02;
    note(ctx, 880, t, 0.9); // A5
    note(ctx, 659.25, t + 0.45, 1.2); // E5
    return true;
  } catch {
    return false;
  }
}
