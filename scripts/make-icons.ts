/**
 * Draws the two Teams app icons into appPackage/:
 *   color.png   192x192, the PeerReflect mark (a white speech bubble with a heart) on the accent colour;
 *   outline.png  32x32, the same mark in white on a transparent background, as Teams requires.
 *
 * The PNGs are committed; run `npx tsx scripts/make-icons.ts` again only to change the design.
 * Output is deterministic: the same code writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Must match accentColor in appPackage/manifest.json. */
export const ACCENT = { r: 0x2b, g: 0x6f, b: 0x77 };

interface Mark {
  /** Speech bubble body: a rounded rectangle. */
  left: number;
  top: number;
  right: number;
  bottom: number;
  radius: number;
  /** Bubble tail: a triangle hanging from the bottom edge. */
  tail: [number, number, number, number, number, number];
  /** Heart cut out of the bubble: centre and half-width. */
  heartX: number;
  heartY: number;
  heartSize: number;
}

const COLOR_MARK: Mark = {
  left: 38, top: 44, right: 154, bottom: 128, radius: 24,
  tail: [58, 120, 92, 120, 50, 154],
  heartX: 96, heartY: 88, heartSize: 25,
};

const OUTLINE_MARK: Mark = {
  left: 2.5, top: 4, right: 29.5, bottom: 23, radius: 5.5,
  tail: [6, 21, 13, 21, 4.5, 29],
  heartX: 16, heartY: 13.8, heartSize: 6.2,
};

function inRoundedRect(x: number, y: number, m: Mark): boolean {
  if (x < m.left || x > m.right || y < m.top || y > m.bottom) return false;
  const cx = Math.min(Math.max(x, m.left + m.radius), m.right - m.radius);
  const cy = Math.min(Math.max(y, m.top + m.radius), m.bottom - m.radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= m.radius ** 2;
}

function inTriangle(x: number, y: number, [ax, ay, bx, by, cx, cy]: Mark['tail']): boolean {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const hasNeg = d1 < 0 || d2 < 0 || d3 < 0;
  const hasPos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(hasNeg && hasPos);
}

function inHeart(x: number, y: number, m: Mark): boolean {
  // The classic heart curve (u² + v² − 1)³ − u²v³ ≤ 0, with v pointing up.
  const u = (x - m.heartX) / m.heartSize;
  const v = -(y - m.heartY) / m.heartSize + 0.1;
  return (u * u + v * v - 1) ** 3 - u * u * v ** 3 <= 0;
}

function inMark(x: number, y: number, m: Mark): boolean {
  return (inRoundedRect(x, y, m) || inTriangle(x, y, m.tail)) && !inHeart(x, y, m);
}

/** Fraction of a pixel covered by the mark, from 4x4 supersampling (anti-aliased edges). */
function coverage(px: number, py: number, m: Mark): number {
  const n = 4;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (inMark(px + (i + 0.5) / n, py + (j + 0.5) / n, m)) hits++;
    }
  }
  return hits / (n * n);
}

export function renderColorIcon(): Buffer {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, COLOR_MARK);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
      png.data[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
      png.data[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

export function renderOutlineIcon(): Buffer {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, OUTLINE_MARK);
      const i = (y * size + x) * 4;
      // White wherever anything is drawn; fully transparent (and white) elsewhere.
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(255 * c);
    }
  }
  return PNG.sync.write(png);
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'appPackage');
  writeFileSync(path.join(dir, 'color.png'), renderColorIcon());
  writeFileSync(path.join(dir, 'outline.png'), renderOutlineIcon());
  console.log(`Wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
