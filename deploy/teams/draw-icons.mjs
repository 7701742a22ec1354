// Draws the Teams app's icons: color.png (192x192, the service's blue with a white speech bubble)
// and outline.png (32x32, the bubble's white outline on transparency, as Teams requires).
// Run with node from anywhere; the PNGs are committed, so this is only for changing them.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './png.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const blue = [0x1d, 0x70, 0xb8]; // GOV.UK Frontend's brand blue, also the manifest's accentColor

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by), d2 = side(bx, by, cx, cy), d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

// Shapes on a unit square (0..1), so both sizes share one drawing.
const bubble = (x, y) =>
  inRoundedRect(x, y, 0.16, 0.2, 0.84, 0.68, 0.11) || inTriangle(x, y, [0.3, 0.6], [0.3, 0.84], [0.5, 0.66]);
const dot = (x, y) => [0.34, 0.5, 0.66].some(cx => (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.052 ** 2);
const bubbleInside = stroke => (x, y) => inRoundedRect(x, y, 0.16 + stroke, 0.2 + stroke, 0.84 - stroke, 0.68 - stroke, Math.max(0.11 - stroke, 0.01));

/** Coverage of a shape over one pixel, 4x4 samples, for smooth edges. */
function coverage(shape, x, y, size) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (shape((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

const color = png(192, 192, (x, y) => {
  const white = coverage((u, v) => bubble(u, v) && !dot(u, v), x, y, 192);
  return [...blue.map(c => Math.round(c + (255 - c) * white)), 255];
});

const stroke = 2.5 / 32;
const inside = bubbleInside(stroke);
const outline = png(32, 32, (x, y) => {
  const alpha = coverage((u, v) => bubble(u, v) && !inside(u, v), x, y, 32);
  return [255, 255, 255, Math.round(alpha * 255)];
});

writeFileSync(join(here, 'color.png'), color);
writeFileSync(join(here, 'outline.png'), outline);
console.log('color.png (192x192) and outline.png (32x32) drawn');
