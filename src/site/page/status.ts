// What the page's status line says while the output loads (no DOM here: unit-tested in Node).
import type { LoadState } from '../contract.js';

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

/** The status line while the output loads: bytes, percentage, time left, and what storage did. */
export function loadStatus(s: LoadState, secondsLeft: number | undefined): string {
  const pct = s.total ? Math.floor((s.done / s.total) * 100) : 100;
  let text = `loading the container: ${mb(s.done)} of ${mb(s.total)} (${pct} %)`;
  if (secondsLeft !== undefined && s.done < s.total) {
    text +=
      secondsLeft < 60 ? `, about ${Math.ceil(secondsLeft)} s left` : `, about ${Math.ceil(secondsLeft / 60)} min left`;
  }
  if (s.fromStorage > 0) text += `, ${mb(s.fromStorage)} kept from an earlier visit`;
  if (s.storageNote) text += ` — ${s.storageNote}: it comes from the network each visit`;
  return text;
}
